package listings

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// erpExport is an ERP export as a seller gets it: an export-time line
// above the header, columns the built-in names do not all know (零售价,
// 规格属性 and 详情描述 are known; 库存, 备注 and 运费模板 are not), two
// blank-title rows, and ids Excel turned into 6.45202E+11.
func erpExport() string {
	return strings.Join([]string{
		"导出时间：2026-11-20 10:32:15",
		"商品ID,商品名称,零售价（元）,规格属性,详情描述,SKU,库存,备注,运费模板",
		"645202118861,纯棉T恤 男款,59.00,材质成分:棉100%;适用季节:夏季,<p>新疆长绒棉</p>,白色;黑色,120,,包邮",
		"645202118862,,79.00,,,,30,待补标题,包邮",
		"6.45202E+11,高仿大牌卫衣,199,,,,5,,包邮",
		"645202118864,真丝围巾,299,材质成分:桑蚕丝100%,,,8,,",
		",,,,,,,,",
		"645202118865,  ,49,,,,0,,",
		"6.45202E+11,羊毛大衣,899,,,,2,,",
	}, "\r\n") + "\r\n"
}

func TestReadExportERPKeepsEveryRowAndColumn(t *testing.T) {
	t.Parallel()
	e, err := ReadExport("erp.csv", []byte(erpExport()))
	if err != nil {
		t.Fatal(err)
	}
	if e.Len() != 6 {
		t.Fatalf("%d rows, want 6 (the blank line is not a row)", e.Len())
	}
	rep := e.Columns
	if rep.Preamble != 1 {
		t.Errorf("preamble = %d, want the export-time line skipped", rep.Preamble)
	}
	if want := []string{"库存", "备注", "运费模板"}; !slices.Equal(rep.Unused, want) {
		t.Errorf("unused = %v, want %v", rep.Unused, want)
	}
	for header, field := range map[string]string{"零售价（元）": "price", "规格属性": "attributes", "详情描述": "description", "SKU": "skus", "商品ID": "id"} {
		if rep.Mapped[header] != field {
			t.Errorf("%s mapped to %q, want %q", header, rep.Mapped[header], field)
		}
	}
	var scanned, failed []int
	for i := range e.Len() {
		l, err := e.Listing(i)
		if err != nil {
			failed = append(failed, i+1)
			checkRowError(t, i+1, e.Line(i), err)
			continue
		}
		scanned = append(scanned, i+1)
		if i == 0 && (l.Price.Min != 59 || len(l.Attributes) != 2 || l.Description != "新疆长绒棉" || !slices.Equal(l.SKUs, []string{"白色", "黑色"})) {
			t.Errorf("row 1 = price %v attributes %v description %q skus %v", l.Price, l.Attributes, l.Description, l.SKUs)
		}
		if l.Columns != e.Columns {
			t.Errorf("row %d does not carry the column report", i+1)
		}
	}
	if !slices.Equal(scanned, []int{1, 4}) || !slices.Equal(failed, []int{2, 3, 5, 6}) {
		t.Errorf("scanned rows %v, failed rows %v; want 1,4 scanned and 2,3,5,6 each with its error", scanned, failed)
	}
}

// checkRowError wants the row's own error: its number, its line, and why.
func checkRowError(t *testing.T, row, line int, err error) {
	t.Helper()
	msg := err.Error()
	if !strings.Contains(msg, fmt.Sprintf("row %d (line %d)", row, line)) {
		t.Errorf("row %d error does not name the row and line %d: %v", row, line, err)
	}
	if strings.Contains(msg, "6.45202E+11") != strings.Contains(msg, "scientific notation") {
		t.Errorf("row %d: a mangled id must be named as such: %v", row, err)
	}
	if !strings.Contains(msg, "6.45202E+11") && !errors.Is(err, ErrNoListing) {
		t.Errorf("row %d: want the empty title: %v", row, err)
	}
}

func TestReadExportUserColumnMap(t *testing.T) {
	t.Parallel()
	raw := "货品名,标价,图文详情\n纯棉T恤,59,面料：棉60% 涤纶40%\n"
	if _, err := ReadExport("x.csv", []byte(raw)); !errors.Is(err, ErrNotExport) {
		t.Fatalf("without a map: err = %v, want ErrNotExport", err)
	}
	opts := ExportOptions{Columns: map[string]string{"货品名": "title", "标价": "price", "图文详情": "description"}}
	e, err := ReadExportWith("x.csv", []byte(raw), opts)
	if err != nil {
		t.Fatal(err)
	}
	l, err := e.Listing(0)
	if err != nil || l.Title != "纯棉T恤" || l.Price.Min != 59 || l.Description != "面料：棉60% 涤纶40%" || len(e.Columns.Unused) != 0 {
		t.Errorf("mapped row = %+v, unused %v, err %v", l, e.Columns.Unused, err)
	}
	if err := CheckColumnMap(map[string]string{"零售价": "cost"}); err == nil || !strings.Contains(err.Error(), "price") {
		t.Errorf("unknown field: err = %v, want the known fields listed", err)
	}
}
