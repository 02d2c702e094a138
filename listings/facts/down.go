package facts

import (
	"github.com/xiaoer-dev/xiaoer/listings"
)

// Down is the down specification the listing states in its attributes
// (填充物, 含绒量/绒子含量, 充绒量).
type Down struct {
	Species        string          `json:"species"`          // 鸭 | 鹅 | ""
	Colour         string          `json:"colour"`           // 白 | 灰 | ""
	ContentPercent float64         `json:"content_percent"`  // 绒子含量 / 含绒量
	ContentAtLeast bool            `json:"content_at_least"` // stated as a lower bound (90%以上)
	FillGrams      float64         `json:"fill_grams"`       // 充绒量 (the low end of a range)
	Filling        string          `json:"filling"`          // 填充物 as stated
	FillingName    string          `json:"filling_name"`     // 鸭绒, 鹅绒, 羽绒, or a non-down filling (羽绒棉, 聚酯纤维)
	Field          string          `json:"field"`
	Spans          map[string]Span `json:"spans"` // content, filling, fill: the values in the attributes text
}

// DownClaim is a down statement in the copy: a share (90%白鸭绒, 90白鸭绒,
// 含绒量90%), a species (白鹅绒), a down item's name (羽绒服), a filling
// that is not down (羽绒棉, 羽丝绒) or a fill weight (充绒量200g). Before and
// After hold two characters of context for exemptions kept as data.
type DownClaim struct {
	Kind     string  `json:"kind"` // content | species | garment | filling | fill
	Percent  float64 `json:"percent"`
	AtLeast  bool    `json:"at_least"`
	Grams    float64 `json:"grams"`
	Species  string  `json:"species"`
	Colour   string  `json:"colour"`
	Name     string  `json:"name"`     // garment or filling name
	Text     string  `json:"text"`     // as written
	Labelled bool    `json:"labelled"` // written under a spec label (含绒量：90%, 填充物：白鸭绒)
	Before   string  `json:"before"`
	After    string  `json:"after"`
	Field    string  `json:"field"`
	S        int     `json:"s"`
	E        int     `json:"e"`
}

// DownFacts finds the down specification and the down claims in the copy
// (and the item names in name attributes such as 品名: 羽绒服).
func DownFacts(l *listings.Listing, fields map[string]Field) (*Down, []DownClaim) {
	copies := copyFactsOf(nil, fields)
	return downFacts(l, &copies)
}

func downFacts(l *listings.Listing, copies *copyFactList) (*Down, []DownClaim) {
	down, named := downAttributes(l.Attributes)
	var claims []DownClaim
	for _, cf := range copies {
		if cf != nil {
			claims = append(claims, cf.down...)
		}
	}
	// The copy comes first: findings about an item's name point at the
	// title before a name attribute.
	return down, append(claims, named...)
}

// downRoleWords are the words that make a down attribute's role, a bit
// each in this order (downAttributeRole).
var downRoleWords = newNameWords("含绒", "绒子含量", "羽绒含量", "绒含量", "充绒", "填充量", "填充", "绒种", "羽绒种类")

// downAttributeRole says which down attribute a name is, "" for none.
func downAttributeRole(name string) string {
	n := Normalize(name)
	in := downRoleWords.in(n)
	switch {
	case in&0b1111 != 0: // 含绒, 绒子含量, 羽绒含量, 绒含量
		return "content"
	case in&0b110000 != 0: // 充绒, 填充量
		return "fill"
	case in&0b111000000 != 0: // 填充, 绒种, 羽绒种类
		return "filling"
	case n == "品名" || n == "产品名称" || n == "商品名称" || n == "名称":
		return "name"
	}
	return ""
}

func downAttributes(attrs []listings.Attribute) (*Down, []DownClaim) {
	var d *Down // made for the first down attribute: most listings have none
	var claims []DownClaim
	for i, base := range valueOffsets(attrs) {
		a := attrs[i]
		role := downAttributeRole(a.Name)
		if role == "" {
			continue // most attributes are no down attribute: not scanned
		}
		if d == nil {
			d = &Down{Field: FieldAttributes, Spans: map[string]Span{}}
		}
		t := newScanText(a.Value)
		switch role {
		case "content":
			d.content(t, base)
		case "fill":
			d.fill(t, base)
		case "filling":
			d.filling(t, base)
		case "name":
			claims = append(claims, garmentsIn(t, base)...)
		}
	}
	if d == nil || len(d.Spans) == 0 {
		return nil, claims
	}
	return d, claims
}

func (d *Down) content(t *scanText, base int) {
	for i := 0; i < t.len(); i++ {
		if f, ok := percentAt(t, i); ok {
			d.setContent(f, t, base)
			return
		}
		if v, end, ok := numberAt(t, i); ok && v <= 100 && t.skip(end, " ") == t.len() {
			d.setContent(pctFigure{value: v, start: i, end: end}, t, base)
			return
		}
	}
}

func (d *Down) setContent(f pctFigure, t *scanText, base int) {
	d.ContentPercent, d.ContentAtLeast = f.value, f.atLeast
	s, e := t.span(f.start, f.end)
	d.Spans["content"] = Span{S: base + s, E: base + e}
}

func (d *Down) fill(t *scanText, base int) {
	for i := 0; i < t.len(); i++ {
		if g, end, ok := gramsAt(t, i); ok {
			d.FillGrams = g
			s, e := t.span(i, end)
			d.Spans["fill"] = Span{S: base + s, E: base + e}
			return
		}
	}
}

// filling reads 填充物: the filling's name, species and colour, and a share
// written with it (90%白鸭绒) when no 含绒量 attribute gave one.
func (d *Down) filling(t *scanText, base int) {
	d.Filling = t.src
	d.Spans["filling"] = Span{S: base, E: base + len(t.src)}
	for i := 0; i < t.len(); i++ {
		if w, _, ok := downLexicon.match(t, i); ok && (w.kind == DownSpecies || w.kind == DownFilling) {
			d.FillingName, d.Species, d.Colour = w.fillingName(), w.species, w.colour
			break
		}
	}
	if d.FillingName == "" {
		d.FillingName = firstFibre(t)
	}
	if _, ok := d.Spans["content"]; ok || !isDownFilling(d.FillingName) {
		return // 聚酯纤维100% is the filling's fibre, not a down share
	}
	for i := 0; i < t.len(); i++ {
		if f, ok := percentAt(t, i); ok {
			d.setContent(f, t, base)
			return
		}
	}
}

func isDownFilling(name string) bool { return name == "鸭绒" || name == "鹅绒" || name == "羽绒" }

// firstFibre is the standard name of the first fibre in t (聚酯纤维 for a
// 填充物 of 涤纶), "" when none.
func firstFibre(t *scanText) string {
	for i := 0; i < t.len(); i++ {
		if w, _, ok := fibreAt(t, i); ok && !w.skip {
			return w.std[0]
		}
	}
	return ""
}

// garmentsIn finds down item names in a name attribute (品名: 羽绒服).
func garmentsIn(t *scanText, base int) []DownClaim {
	var out []DownClaim
	for _, c := range downClaimsIn(FieldAttributes, t) {
		if c.Kind == DownGarment {
			c.S, c.E = c.S+base, c.E+base
			out = append(out, c)
		}
	}
	return out
}
