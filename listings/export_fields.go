package listings

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// columnAliases maps a column name (lower-cased, spaces dropped) to the
// field it holds. 淘宝助理's keys and labels come first in each group.
var columnAliases = map[string]string{}

func init() {
	for field, names := range map[string][]string{
		"id":          {"num_id", "数字id", "宝贝id", "商品id", "item_id", "itemid", "id"},
		"outer_id":    {"outer_id", "商家编码", "商品编码", "货号"},
		"title":       {"title", "宝贝名称", "宝贝标题", "商品标题", "商品名称", "标题"},
		"subtitle":    {"subtitle", "宝贝卖点", "商品卖点", "卖点", "副标题"},
		"price":       {"price", "宝贝价格", "商品价格", "价格", "一口价", "售价"},
		"description": {"description", "宝贝描述", "商品描述", "描述", "宝贝详情", "商品详情", "详情"},
		"mobile_desc": {"wireless_desc", "无线详情", "手机详情"},
		"attributes":  {"attributes", "宝贝属性", "商品属性", "属性", "cateprops"},
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

// normColumn is how column names are compared.
func normColumn(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF"))
	return strings.ToLower(strings.ReplaceAll(s, " ", ""))
}

// exportColumns maps each known field to its column (-1 when missing); the
// first column holding a field wins.
func exportColumns(header []string) map[string]int {
	cols := map[string]int{}
	for _, field := range columnAliases {
		cols[field] = -1
	}
	for i, name := range header {
		if field, ok := columnAliases[normColumn(name)]; ok && cols[field] < 0 {
			cols[field] = i
		}
	}
	return cols
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
		Category: e.category(i), URL: e.cell(i, "url"), Positions: map[string]Position{}}
	if l.Title == "" {
		return nil, fmt.Errorf("%s: line %d: %w (empty title)", displayName(e.Source), e.Line(i), ErrNoListing)
	}
	if p, ok := ParsePrice(e.cell(i, "price")); ok {
		l.Price = p
	}
	l.Description, l.Ignores = exportDescription(e.cell(i, "description"), e.cell(i, "mobile_desc"))
	l.Attributes = append(readableAttributes(e.cell(i, "attributes")), inputAttributes(e.cell(i, "input_pids"), e.cell(i, "input_vals"))...)
	l.ID = e.rowID(i)
	for _, f := range []string{"title", "subtitle"} {
		if pos := e.cellPosition(i, f); pos.Known() && !strings.Contains(e.cell(i, f), "\n") {
			l.Positions[f] = pos
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
// 淘宝助理 writes num_id 0 for items not uploaded yet.
func (e *Export) rowID(i int) string {
	if id := e.cell(i, "id"); id != "" && id != "0" {
		return id
	}
	if id := e.cell(i, "outer_id"); id != "" {
		return id
	}
	return fmt.Sprintf("%s:%d", filepath.Base(e.Source), e.Line(i))
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
