package facts

import (
	"strconv"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// Fiber is one stated fibre share, e.g. 棉 95% of the 主面料. The fibres of
// one statement (棉95% 氨纶5%) share a Statement number; rules compare
// statements with each other and claims with statements.
type Fiber struct {
	Fiber     string  `json:"fiber"`     // standard name (GB/T 29862), e.g. 棉, 聚酯纤维
	Percent   float64 `json:"percent"`   // as stated; 0 when Implied
	AtLeast   bool    `json:"at_least"`  // Percent is a lower bound (96%及以上, 80%-89%)
	Implied   bool    `json:"implied"`   // named without a figure (面料: 棉, 面料: 涤棉)
	Part      string  `json:"part"`      // 面料, 里料, 填充物 ... ("" when the listing names none)
	Label     string  `json:"label"`     // the attribute name or label it was stated under (材质成分)
	Statement int     `json:"statement"` // which statement it belongs to
	Field     string  `json:"field"`     // where it was stated
	S         int     `json:"s"`
	E         int     `json:"e"`
}

// copyFields are the fields whose text may state a composition or claim a
// fibre, in the order statements are numbered.
var copyFields = [...]string{FieldTitle, FieldSubtitle, FieldDescription, FieldSKUs}

// Composition finds the stated fibre composition in the listing's attributes,
// spec tables, description and SKU names.
func Composition(l *listings.Listing, fields map[string]Field) []Fiber {
	var c compositionBuilder
	c.attributes(nil, l.Attributes)
	for _, name := range copyFields {
		if f, ok := fields[name]; ok {
			c.copyText(name, f.Text)
		}
	}
	return c.out
}

// compositionBuilder numbers statements as it collects them.
type compositionBuilder struct {
	out   []Fiber
	next  int
	seen  []string   // statements already read from copy, by field and content (statementKey)
	key   []byte     // statementKey's buffer, kept from one statement to the next
	items []compItem // the items of the attribute value being read
}

// repeated reports a copy statement the same field already stated (long
// descriptions repeat their spec block), so policies compare each once.
// A listing states few: they are kept in a list, and a key becomes a
// string only when it is new.
func (c *compositionBuilder) repeated(field string, st compStatement) bool {
	if c.key == nil {
		c.key = make([]byte, 0, 128) // most keys fit: grown by append, they were several allocations
	}
	c.key = statementKey(c.key[:0], field, st)
	for _, seen := range c.seen {
		if seen == string(c.key) {
			return true
		}
	}
	c.seen = append(c.seen, string(c.key))
	return false
}

// statementKey appends to dst what makes a statement the same as another
// of the field: its part, and each fibre's name, figure and bound.
func statementKey(dst []byte, field string, st compStatement) []byte {
	dst = append(append(append(dst, field...), '|'), st.part...)
	for _, f := range st.fibres {
		dst = append(append(dst, '|'), f.Fiber...)
		dst = strconv.AppendFloat(dst, f.Percent, 'g', -1, 64)
		dst = strconv.AppendBool(dst, f.AtLeast)
	}
	return dst
}

func (c *compositionBuilder) add(field string, st compStatement) {
	for _, f := range st.fibres {
		f.Part, f.Label, f.Implied, f.Field, f.Statement = st.part, st.label, st.implied, field, c.next
		c.out = append(c.out, f)
	}
	c.next++
}

// copyText reads compositions written in copy (see copyStatements).
func (c *compositionBuilder) copyText(field, text string) {
	c.statements(field, copyStatements(newScanText(text)))
}

// statements adds the copy statements sts of field.
func (c *compositionBuilder) statements(field string, sts []compStatement) {
	for _, st := range sts {
		if !c.repeated(field, st) {
			c.add(field, st)
		}
	}
}

// copyStatements are the compositions written in copy: a group of fibres
// with figures that a label introduces (面料: 棉100%) or that names two or
// more fibres (棉95% 氨纶5%). A lone 100%棉 is a claim, not a statement.
func copyStatements(t *scanText) []compStatement {
	return copyStatementsOf(t, scanItems(t, 0, t.len()))
}

// copyStatementsOf are the copy statements of t's items.
func copyStatementsOf(t *scanText, items []compItem) []compStatement {
	var out []compStatement
	for start := 0; start < len(items); {
		end := clusterEnd(t, items, start)
		for _, st := range buildStatements(t, items[start:end], compOptions{}) {
			if st.labelled || len(st.fibres) >= 2 {
				out = append(out, st)
			}
		}
		start = end
	}
	return out
}

// clusterBreaks end a composition in copy.
const clusterBreaks = "。!?\n"

// clusterEnd is the end of the cluster of items that starts at start:
// items written close together (at most four characters apart, no
// sentence end between them) make one. The clusters are read one after
// another, not listed.
func clusterEnd(t *scanText, items []compItem, start int) int {
	k := start + 1
	for k < len(items) && itemsNear(t, items[k-1].end, items[k].start) {
		k++
	}
	return k
}

func itemsNear(t *scanText, a, b int) bool {
	if b-a > 4 {
		return false
	}
	for i := a; i < b; i++ {
		if containsRune(clusterBreaks, t.at(i)) {
			return false
		}
	}
	return true
}
