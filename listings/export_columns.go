package listings

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// ExportOptions change how a shop export is read.
type ExportOptions struct {
	// Columns maps header names, as the file writes them, to the fields
	// they hold (零售价 → price); they take precedence over the built-in
	// names. Fields are those of ExportFields.
	Columns map[string]string
}

// ExportFields are the fields a column can be mapped to, and what each holds.
var ExportFields = map[string]string{
	"id": "the item's number on the platform", "outer_id": "the seller's code (商家编码)",
	"title": "title", "subtitle": "selling points (卖点)", "price": "price",
	"description": "description (text or HTML)", "mobile_desc": "mobile description",
	"attributes": "attributes (名称:值;名称:值)", "skus": "SKU names (颜色分类/尺码 ...)",
	"input_pids": "淘宝助理 inputPids", "input_vals": "淘宝助理 inputValues",
	"category": "category", "url": "item URL", "platform": "platform",
}

// CheckColumnMap rejects a map that names a field no column can hold.
func CheckColumnMap(m map[string]string) error {
	for name, field := range m {
		if _, ok := ExportFields[field]; !ok || strings.TrimSpace(name) == "" {
			return fmt.Errorf("column map %q=%q: want HEADER=FIELD, FIELD one of %s", name, field, strings.Join(fieldList(), ", "))
		}
	}
	return nil
}

func fieldList() []string {
	out := make([]string, 0, len(ExportFields))
	for f := range ExportFields {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// ColumnReport says what became of every column of an export's header:
// the field it was read as, or that it was not read. Nothing is dropped
// without a word.
type ColumnReport struct {
	Mapped   map[string]string `json:"mapped"`                   // header → field
	Unused   []string          `json:"unused"`                   // headers read as nothing
	Preamble int               `json:"preamble_lines,omitempty"` // lines skipped above the header
}

// maxPreamble bounds the lines looked through for the header row (ERP
// exports put an export time or a shop name above it).
const maxPreamble = 20

// fieldOf is the field a header names, the user's map first.
func (o ExportOptions) fieldOf(name string) (string, bool) {
	for k, f := range o.Columns {
		if normColumn(k) == normColumn(name) {
			return f, true
		}
	}
	f, ok := columnAliases[normColumn(name)]
	return f, ok
}

// mapHeader maps each field to its column (-1 when missing) and reports
// every column; the first column holding a field wins, a later one is
// unused. Columns with no name and no data are not columns.
func (o ExportOptions) mapHeader(header []string, rows [][]string) (map[string]int, *ColumnReport) {
	cols := map[string]int{}
	for f := range ExportFields {
		cols[f] = -1
	}
	rep := &ColumnReport{Mapped: map[string]string{}, Unused: []string{}}
	for i, name := range header {
		field, ok := o.fieldOf(name)
		switch {
		case ok && cols[field] < 0:
			cols[field] = i
			rep.Mapped[strings.TrimSpace(name)] = field
		case ok:
			rep.Unused = append(rep.Unused, fmt.Sprintf("%s（与第%d列重复）", strings.TrimSpace(name), cols[field]+1))
		case strings.TrimSpace(name) == "" && !columnHasData(rows, i):
		case strings.TrimSpace(name) == "":
			rep.Unused = append(rep.Unused, fmt.Sprintf("第%d列（无表头）", i+1))
		default:
			rep.Unused = append(rep.Unused, strings.TrimSpace(name))
		}
	}
	return cols, rep
}

func columnHasData(rows [][]string, c int) bool {
	for _, r := range rows {
		if c < len(r) && strings.TrimSpace(r[c]) != "" {
			return true
		}
	}
	return false
}

// isHeader reports a row that names a title column.
func (o ExportOptions) isHeader(rec []string) bool { return o.titleColumn(rec) >= 0 }

// titleColumn is the first column of a header row that names a title
// column, -1 when none does.
func (o ExportOptions) titleColumn(rec []string) int {
	for c, name := range rec {
		if f, ok := o.fieldOf(name); ok && f == "title" {
			return c
		}
	}
	return -1
}

// excelNumber matches what Excel shows for a long number in a General
// cell: 6.45202E+11. The digits past the sixth are gone.
var excelNumber = regexp.MustCompile(`^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$`)

// checkID rejects an id Excel turned into scientific notation: the real
// id cannot be recovered, and rows would share one.
func checkID(header, v string) error {
	if excelNumber.MatchString(v) {
		return fmt.Errorf("%s %q is in scientific notation: Excel shortened the id and the digits are lost (format the column as text and export again)", header, v)
	}
	return nil
}

// splitSKUs reads SKU names separated by ;, ；, |, 、 or new lines.
func splitSKUs(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ';' || r == '；' || r == '|' || r == '\n' || r == '、'
	}) {
		if p := Clean(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
