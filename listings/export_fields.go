package listings

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// columnAliases maps a column name (lower-cased, spaces dropped) to the
// field it holds. 淘宝助理's keys and labels come first in each group.
var columnAliases = map[string]string{}

func init() {
	for field, names := range map[string][]string{
		"id":          {"num_id", "数字id", "宝贝id", "商品id", "item_id", "itemid", "id", "线上商品id", "平台商品id", "商品数字id"},
		"outer_id":    {"outer_id", "商家编码", "商品编码", "货号", "商家货号", "款号", "外部编码", "商品货号"},
		"title":       {"title", "宝贝名称", "宝贝标题", "商品标题", "商品名称", "标题", "产品名称", "产品标题"},
		"subtitle":    {"subtitle", "宝贝卖点", "商品卖点", "卖点", "副标题"},
		"price":       {"price", "宝贝价格", "商品价格", "价格", "一口价", "售价", "零售价", "销售价", "单价"},
		"description": {"description", "宝贝描述", "商品描述", "描述", "宝贝详情", "商品详情", "详情", "详情描述", "商品详情描述", "宝贝详情描述", "pc详情", "电脑端详情"},
		"mobile_desc": {"wireless_desc", "无线详情", "手机详情", "手机端详情", "无线描述"},
		"attributes":  {"attributes", "宝贝属性", "商品属性", "属性", "cateprops", "规格属性", "商品参数", "产品参数", "参数"},
		"skus":        {"skus", "sku", "sku名称", "销售属性", "规格", "商品规格", "sku规格", "sku信息", "颜色分类"},
		"input_pids":  {"inputpids", "用户输入id串"},
		"input_vals":  {"inputvalues", "用户输入名-值对"},
		"category":    {"category", "类目", "商品类目", "宝贝类目", "cid"},
		"url":         {"url", "链接", "商品链接", "宝贝链接", "商品url"},
		"platform":    {"platform", "平台"},
	} {
		for _, n := range names {
			columnAliases[n] = field
		}
	}
}

// unitSuffix is a unit after a column name: 价格（元）, 零售价(元).
var unitSuffix = regexp.MustCompile(`[（(](元|rmb|cny|¥)[)）]$`)

// normColumn is how column names are compared: no BOM, spaces, case or unit.
// Every row's title cell is compared (isHeaderRow), and a unit can only
// be there when the name ends in a bracket: the regexp runs only then.
func normColumn(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF"))
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "）") {
		return s
	}
	return unitSuffix.ReplaceAllString(s, "")
}

// titleNameRunes bounds nameRunes of a cell that names a title column:
// the characters of the longest title name, built in or the user's, and
// of a unit (normColumn keeps the characters of what it does not drop,
// lower-casing one character to one).
func (o ExportOptions) titleNameRunes() int {
	n := 0
	for _, names := range []map[string]string{columnAliases, o.Columns} {
		for name, f := range names {
			if f == "title" {
				n = max(n, utf8.RuneCountInString(name))
			}
		}
	}
	return n + utf8.RuneCountInString("(rmb)")
}

// nameRunes is the characters of s that normColumn may keep: past a byte
// order mark and surrounding space, less the spaces inside.
func nameRunes(s string) int {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF"))
	return utf8.RuneCountInString(s) - strings.Count(s, " ")
}

// cell is row i's value for a field, "" when the column is missing.
func (e *Export) cell(i int, field string) string {
	c := e.columns[field]
	if c < 0 || c >= len(e.rows[i]) {
		return ""
	}
	return strings.TrimSpace(e.rows[i][c])
}

// cellPosition is where row i's cell for a field starts in the file.
func (e *Export) cellPosition(i int, field string) Position {
	c := e.columns[field]
	if c < 0 || c >= len(e.pos[i]) {
		return Position{}
	}
	return Position{Line: e.pos[i][c][0], Column: e.pos[i][c][1]}
}

// Listing builds row i's listing.
func (e *Export) Listing(i int) (*Listing, error) {
	if i < 0 || i >= len(e.rows) {
		return nil, fmt.Errorf("%s: no row %d", displayName(e.Source), i)
	}
	l := &Listing{Source: e.Source, Encoding: e.Encoding, Platform: e.platform(i),
		Title: Clean(e.cell(i, "title")), Subtitle: Clean(e.cell(i, "subtitle")),
		Category: e.category(i), URL: e.cell(i, "url")}
	if l.Title == "" {
		return nil, fmt.Errorf("%s: row %d (line %d): %w (empty title)", displayName(e.Source), i+1, e.Line(i), ErrNoListing)
	}
	if p, ok := ParsePrice(e.cell(i, "price")); ok {
		l.Price = p
	}
	l.Description, l.Ignores = exportDescription(e.cell(i, "description"), e.cell(i, "mobile_desc"))
	l.Attributes = append(readableAttributes(e.cell(i, "attributes")), inputAttributes(e.cell(i, "input_pids"), e.cell(i, "input_vals"))...)
	l.SKUs = splitSKUs(e.cell(i, "skus"))
	l.Columns = e.Columns
	id, err := e.rowID(i)
	if err != nil {
		return nil, fmt.Errorf("%s: row %d (line %d): %w", displayName(e.Source), i+1, e.Line(i), err)
	}
	l.ID = id
	for _, f := range []string{"title", "subtitle"} {
		if pos := e.cellPosition(i, f); pos.Known() && !strings.Contains(e.cell(i, f), "\n") {
			l.Positions.Set(f, pos)
		}
	}
	return l, nil
}

// category is the category column unless it is a numeric category id
// (淘宝助理's cid), which names nothing a rule can read.
func (e *Export) category(i int) string {
	c := e.cell(i, "category")
	if strings.Trim(c, "0123456789") == "" {
		return ""
	}
	return c
}

func (e *Export) platform(i int) string {
	if p := strings.ToLower(e.cell(i, "platform")); p != "" {
		return p
	}
	if u := e.cell(i, "url"); u != "" {
		return platformFromURL(u)
	}
	if e.Layout == ExportTaobaoAssistant {
		return PlatformTaobao
	}
	return PlatformGeneric
}

// rowID is the item's number, else the seller's code, else the row's line.
// 淘宝助理 writes num_id 0 for items not uploaded yet. An id Excel turned
// into scientific notation is an error: several rows would share it.
func (e *Export) rowID(i int) (string, error) {
	for _, field := range []string{"id", "outer_id"} {
		id := e.cell(i, field)
		if err := checkID(e.headerOf(field), id); err != nil {
			return "", err
		}
		if id != "" && id != "0" {
			return id, nil
		}
	}
	return fmt.Sprintf("%s:%d", filepath.Base(e.Source), e.Line(i)), nil
}

// headerOf is the header name of a field's column.
func (e *Export) headerOf(field string) string {
	if c := e.columns[field]; c >= 0 && c < len(e.header) {
		return strings.TrimSpace(e.header[c])
	}
	return field
}

// exportDescription is the description cell's text (HTML dropped), or the
// mobile description's when the first is empty, with the suppressions
// written as HTML comments in it.
func exportDescription(desc, mobile string) (string, []Ignore) {
	if strings.TrimSpace(desc) == "" {
		desc = mobile
	}
	ignores := IgnoreComments(desc)
	return htmlToText(desc), ignores
}

// numericProps matches 淘宝助理's cateProps: property and value ids only.
var numericProps = regexp.MustCompile(`^(\s*-?\d+:-?\d+\s*;?)+$`)

// readableAttributes reads "名称:值" pairs separated by ;, ；, | or new
// lines; numeric cateProps say nothing readable and give none.
func readableAttributes(s string) []Attribute {
	if s == "" || numericProps.MatchString(s) {
		return nil
	}
	var set attrSet
	for _, part := range strings.FieldsFunc(htmlToText(s), func(r rune) bool {
		return r == ';' || r == '；' || r == '|' || r == '\n'
	}) {
		set.addText(part)
	}
	return set.list
}

// knownPids names the property ids whose meaning does not depend on the
// category.
var knownPids = map[string]string{"20000": "品牌", "13021751": "货号"}

// inputAttributes pairs 淘宝助理's typed-in property ids with their values
// ("20000,13021751" with "木槿生活,MJ-2026"); unknown ids keep their number.
func inputAttributes(pids, values string) []Attribute {
	if pids == "" || values == "" {
		return nil
	}
	ids, vals := strings.Split(pids, ","), strings.Split(values, ",")
	if len(vals) > len(ids) { // a value holding a comma
		vals = append(vals[:len(ids)-1], strings.Join(vals[len(ids)-1:], ","))
	}
	var set attrSet
	for i, id := range ids {
		if i >= len(vals) {
			break
		}
		name := knownPids[strings.TrimSpace(id)]
		if name == "" {
			name = "属性" + strings.TrimSpace(id)
		}
		set.add(name, vals[i])
	}
	return set.list
}
