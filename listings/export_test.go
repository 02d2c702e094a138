package listings

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// assistantKeys and assistantLabels are the first columns of a 淘宝助理 data
// package, as that tool writes them (the full header has about 60).
const (
	assistantKeys   = "title\tcid\tseller_cids\tstuff_status\tlocation_state\tlocation_city\titem_type\tprice\tauction_increment\tnum\tvalid_thru\tfreight_payer\tpost_fee\tems_fee\texpress_fee\thas_invoice\thas_warranty\tapprove_status\thas_showcase\tlist_time\tdescription\tcateProps\tpostage_id\thas_discount\tmodified\tupload_fail_msg\tpicture_status\tauction_point\tpicture\tvideo\tskuProps\tinputPids\tinputValues\touter_id\tpropAlias\tauto_fill\tnum_id\tlocal_cid\tnavigation_type\tuser_name\tsyncStatus\tis_lighting_consigment\tis_xinpin\tfoodparame\tfeatures\tbuyareatype\tglobal_stock_type\tglobal_stock_country\tsub_stock_type\titem_size\titem_weight\tsell_promise\tcustom_design_flag\twireless_desc\tbarcode\tsku_barcode\tnewprepay\tsubtitle"
	assistantLabels = "宝贝名称\t宝贝类目\t店铺类目\t新旧程度\t省\t城市\t出售方式\t宝贝价格\t加价幅度\t宝贝数量\t有效期\t运费承担\t平邮\tEMS\t快递\t发票\t保修\t放入仓库\t橱窗推荐\t开始时间\t宝贝描述\t宝贝属性\t邮费模版ID\t会员打折\t修改时间\t上传状态\t图片状态\t返点比例\t新图片\t视频\t销售属性组合\t用户输入ID串\t用户输入名-值对\t商家编码\t销售属性别名\t代充类型\t数字ID\t本地ID\t宝贝分类\t用户名称\t宝贝状态\t闪电发货\t新品\t食品专项\t尺码库\t采购地\t库存类型\t国家地区\t库存计数\t物流体积\t物流重量\t退换货承诺\t定制工具\t无线详情\t商品条形码\tsku 条形码\t7天退货\t宝贝卖点"
)

// assistantRow is one item row: text cells quoted, the description HTML
// over several lines with its quotes doubled.
func assistantRow(title, price, desc, pids, values, outerID, numID, subtitle string) string {
	cells := make([]string, 58)
	for i := range cells {
		cells[i] = `""`
	}
	set := func(i int, v string) { cells[i] = `"` + strings.ReplaceAll(v, `"`, `""`) + `"` }
	set(0, title)
	cells[1] = "50000436"
	cells[7] = price
	set(20, desc)
	set(21, "20000:3275069;1627207:28341;20509:28314;")
	set(31, pids)
	set(32, values)
	set(33, outerID)
	cells[36] = numID
	set(57, subtitle)
	return strings.Join(cells, "\t")
}

func assistantExport() string {
	desc := "<p style=\"margin:0\">精选新疆长绒棉，亲肤透气。</p>\n<p>最好的打底衫，国家级工艺。</p>\n<!-- xiaoer:ignore ad-absolute 国家级为获奖名称 -->\n<img src=\"https://img.alicdn.com/imgextra/i1/x.jpg\">"
	rows := []string{
		"version 1.00",
		assistantKeys,
		assistantLabels,
		assistantRow("2026秋冬新款纯棉长袖T恤男 宽松打底衫", "59.00", desc, "20000,13021751", "木槿生活,MJ-2026-08", "MJ-T08", "640112233445", "24小时发货"),
		assistantRow("儿童加绒卫衣 全网最低", "89", "<p>面料：棉80% 聚酯纤维20%</p>", "", "", "KID-01", "0", ""),
	}
	return strings.Join(rows, "\r\n") + "\r\n"
}

func utf16LE(t *testing.T, s string, bom bool) []byte {
	t.Helper()
	policy := unicode.IgnoreBOM
	if bom {
		policy = unicode.UseBOM
	}
	out, err := unicode.UTF16(unicode.LittleEndian, policy).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func gbkBytes(t *testing.T, s string) []byte {
	t.Helper()
	out, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReadExportTaobaoAssistantEncodings(t *testing.T) {
	t.Parallel()
	text := assistantExport()
	tests := map[string]struct {
		raw []byte
		enc string
	}{
		"utf-16le with BOM (淘宝助理 5)": {utf16LE(t, text, true), "utf-16le"},
		"utf-16le without BOM":       {utf16LE(t, text, false), "utf-16le"},
		"gbk (older tools)":          {gbkBytes(t, text), "gb18030"},
		"utf-8 with BOM":             {append([]byte("\uFEFF"), text...), "utf-8"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e, err := ReadExport("shop/items.csv", tt.raw)
			if err != nil {
				t.Fatal(err)
			}
			if e.Layout != ExportTaobaoAssistant || e.Encoding != tt.enc || e.Len() != 2 {
				t.Fatalf("layout %s, encoding %s, %d rows; want %s, %s, 2", e.Layout, e.Encoding, e.Len(), ExportTaobaoAssistant, tt.enc)
			}
			checkAssistantRows(t, e)
		})
	}
}

func checkAssistantRows(t *testing.T, e *Export) {
	t.Helper()
	l, err := e.Listing(0)
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "640112233445" || l.Platform != PlatformTaobao || l.Title != "2026秋冬新款纯棉长袖T恤男 宽松打底衫" {
		t.Errorf("row 1: id %q, platform %q, title %q", l.ID, l.Platform, l.Title)
	}
	if l.Price.Min != 59 || l.Subtitle != "24小时发货" || l.Category != "" {
		t.Errorf("row 1: price %v, subtitle %q, category %q (a numeric cid names nothing)", l.Price, l.Subtitle, l.Category)
	}
	if want := "精选新疆长绒棉，亲肤透气。\n最好的打底衫，国家级工艺。"; l.Description != want {
		t.Errorf("row 1 description = %q, want %q", l.Description, want)
	}
	want := []Attribute{{"品牌", "木槿生活"}, {"货号", "MJ-2026-08"}}
	if len(l.Attributes) != 2 || l.Attributes[0] != want[0] || l.Attributes[1] != want[1] {
		t.Errorf("row 1 attributes = %v, want %v (cateProps ids are not readable)", l.Attributes, want)
	}
	if len(l.Ignores) != 1 || l.Ignores[0].Rule != "ad-absolute" || l.Ignores[0].Reason != "国家级为获奖名称" {
		t.Errorf("row 1 ignores = %+v", l.Ignores)
	}
	if pos, _ := l.Positions.Get("title"); pos.Line != 4 || pos.Column != 2 {
		t.Errorf("row 1 title position = %+v, want line 4, column 2 (after the quote)", pos)
	}
	k, err := e.Listing(1)
	if err != nil {
		t.Fatal(err)
	}
	if k.ID != "KID-01" || k.Description != "面料：棉80% 聚酯纤维20%" || e.Line(1) != 8 {
		t.Errorf("row 2: id %q (num_id 0: the seller's code), description %q, line %d", k.ID, k.Description, e.Line(1))
	}
}

func TestReadExportColumnsLayout(t *testing.T) {
	t.Parallel()
	csvText := "商品ID,商品标题,价格,商品属性,商品描述,商品链接\r\n" +
		"7001,\"羊毛大衣女 100%羊毛\",\"1,299.00\",\"材质成分:羊毛70% 聚酯纤维30%;适用季节:冬季\",\"<div>高端面料，<b>顶级</b>工艺</div>\",https://detail.tmall.com/item.htm?id=7001\r\n" +
		"\r\n" +
		"7002,真丝围巾,199,,桑蚕丝,\r\n"
	for name, raw := range map[string][]byte{
		"utf-8 with BOM (Excel CSV UTF-8)": append([]byte("\uFEFF"), csvText...),
		"gbk (Excel CSV)":                  gbkBytes(t, csvText),
		"tab separated":                    []byte(strings.NewReplacer(",", "\t").Replace(strings.ReplaceAll(csvText, `"1,299.00"`, "1299.00"))),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ls, err := ParseExport("erp.csv", raw)
			if err != nil {
				t.Fatal(err)
			}
			if len(ls) != 2 {
				t.Fatalf("%d listings, want 2", len(ls))
			}
			l := ls[0]
			if l.ID != "7001" || l.Platform != PlatformTmall || l.Price.Min != 1299 || l.Description != "高端面料，顶级工艺" {
				t.Errorf("row 1: id %q, platform %q, price %v, description %q", l.ID, l.Platform, l.Price, l.Description)
			}
			if len(l.Attributes) != 2 || l.Attributes[0] != (Attribute{"材质成分", "羊毛70% 聚酯纤维30%"}) {
				t.Errorf("row 1 attributes = %v", l.Attributes)
			}
			if ls[1].ID != "7002" || ls[1].Platform != PlatformGeneric || ls[1].Description != "桑蚕丝" {
				t.Errorf("row 2 = %+v", ls[1])
			}
		})
	}
}

func TestReadExportErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		raw  string
		want error
	}{
		"orders, not listings": {"订单编号,买家会员名,支付时间\n1001,a,2026-11-11 00:00:01\n", ErrNotExport},
		"header only":          {"宝贝名称,宝贝价格\n", ErrNoListing},
		"empty":                {"", ErrEmpty},
	}
	for name, tt := range tests {
		if _, err := ReadExport("x.csv", []byte(tt.raw)); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", name, err, tt.want)
		}
	}
	e, err := ReadExport("x.csv", []byte("宝贝名称,宝贝价格\n,59\n纯棉T恤,59\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Listing(0); !errors.Is(err, ErrNoListing) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("row without a title: err = %v, want ErrNoListing at line 2", err)
	}
	if l, err := e.Listing(1); err != nil || l.ID != "x.csv:3" {
		t.Errorf("row without ids: id %v, err %v; want the file name and line", l, err)
	}
}

func TestReadExportSkipsRepeatedHeader(t *testing.T) {
	t.Parallel()
	// Two sheets pasted one under the other: the second header (its title
	// column's name with a unit-less bracket left as it is) is no row.
	text := "宝贝标题,价格（元）\n纯棉T恤（男款）,59\n 宝贝标题 ,价格（元）\n商品标题,零售价\n儿童卫衣,89\n"
	e, err := ReadExport("x.csv", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for i := range e.Len() {
		l, err := e.Listing(i)
		if err != nil {
			t.Fatal(err)
		}
		titles = append(titles, l.Title)
	}
	if got := strings.Join(titles, "|"); got != "纯棉T恤（男款）|儿童卫衣" {
		t.Errorf("titles %q, want the two items only", got)
	}
}

func TestNormColumn(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"\uFEFF零售价（元）": "零售价", "Price (RMB)": "price", "价格(¥)": "价格", "售价（cny)": "售价",
		"纯棉T恤（男款）": "纯棉t恤（男款）", "Title": "title", "价格（元）合计": "价格（元）合计", "(元)": "",
	} {
		if got := normColumn(in); got != want {
			t.Errorf("normColumn(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every cell's column is its line's characters before it, counted from
// the line's start, whatever stands before it on the line: quoted cells,
// cells over several lines, invalid bytes, tabs.
func TestCellPositionsCountFromLineStart(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"宝贝标题,价格,描述\n纯棉T恤,59,\"<p>面料：棉</p>\"\n",
		"title\tprice\tdesc\n\"羽绒服\"\"女\"\"\"\t329\t\"第一行\n第二行，\"\"引号\"\"\"\t尾\n",
		"a,b,c\n\xe6\xa3,\xff\xfe棉,\"x\xe6\",\"多\n行\",末\n,,\n",
	} {
		r := csv.NewReader(strings.NewReader(text))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = delimiter(text), -1, true
		lines := strings.Split(text, "\n")
		cells := 0
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			got := cellPositions(r, rec, lines)
			for i := range rec {
				line, col := r.FieldPos(i)
				line0 := lines[line-1]
				b := min(col-1, len(line0))
				want := utf8.RuneCountInString(line0[:b]) + 1
				if b < len(line0) && line0[b] == '"' {
					want++
				}
				if got[i] != [2]int{line, want} {
					t.Errorf("%q: cell %d (%q) at %v, want line %d column %d", text, i, rec[i], got[i], line, want)
				}
				cells++
			}
		}
		if cells < 6 {
			t.Errorf("%q: %d cells read", text, cells)
		}
	}
}

// A repeated header is told from a row however its title cell is
// spaced, with the user's own long name for the title column too.
func TestReadExportSkipsRepeatedHeaderOfUserColumns(t *testing.T) {
	t.Parallel()
	opts := ExportOptions{Columns: map[string]string{"商品完整标题名称": "title"}}
	text := "商品 完整 标题 名称,价格\n纯棉T恤 男 女 同款 宽松 百搭,59\n\uFEFF  商品  完整标题 名称 （元） ,价格\n  宝贝标题  ,价格\n商品完整标题名称的说明,1\n"
	e, err := ReadExportWith("x.csv", []byte(text), opts)
	if err != nil {
		t.Fatal(err)
	}
	if e.Len() != 2 {
		t.Fatalf("%d rows, want the two items (the headers skipped)", e.Len())
	}
	if l, _ := e.Listing(1); l == nil || l.Title != "商品完整标题名称的说明" {
		t.Errorf("row 2 is %+v", l)
	}
}
