package facts

import (
	"hash/maphash"
	"slices"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// compositionNameWords mark an attribute that states fibres (材质成分,
// 面料, 里料分类, 主面料成分含量 ...).
var compositionNameWords = strings.Fields("材质 成分 成份 面料 里料 材料 面布 里布 布料 纤维 质地 含量 填充")

// compositionName finds 绒 (bit 0) and the compositionNameWords (the
// other bits) in a name.
var compositionName = newNameWords(append([]string{"绒"}, compositionNameWords...)...)

// isCompositionName reports whether an attribute name states fibres; down
// attributes (含绒量, 充绒量) are read by DownFacts.
func isCompositionName(name string) bool {
	in := compositionName.in(Normalize(name))
	return in&1 == 0 && in&^1 != 0
}

// attrStatement is a statement read from one attribute, kept until the
// share attributes (主面料成分含量: 95%) are matched with their fibre.
type attrStatement struct {
	name string
	st   compStatement
}

// attributes reads every composition attribute. A value may name several
// parts (主面料:棉60% 聚酯纤维40%; 里料: 聚酯纤维100%); a share given in its
// own attribute (主面料成分: 棉 / 主面料成分含量: 95%) completes the fibre.
// The statements follow from the attributes alone: with a memo, a list
// of them met again is read from those it keeps (m.attributes).
func (c *compositionBuilder) attributes(m *FieldMemo, attrs []listings.Attribute) {
	if len(attrs) == 0 {
		return
	}
	if m == nil {
		c.readAttributes(attrs)
		return
	}
	h := m.attributesHash(attrs)
	old := m.attributes.At(h)
	if old != nil && slices.Equal(old.attrs, attrs) {
		for _, st := range old.statements {
			c.add(FieldAttributes, st)
		}
		return
	}
	read := c.readAttributes(attrs)
	if m.attributes.MetBefore(h) {
		kept := &keptAttributeList{attrs: slices.Clone(attrs), statements: make([]compStatement, len(read))}
		for i, r := range read {
			kept.statements[i] = r.st
		}
		m.attributes.keep(h, old, kept, attributesSize(attrs), old.size())
	}
}

// readAttributes adds the statements read from attrs, and returns them.
func (c *compositionBuilder) readAttributes(attrs []listings.Attribute) []attrStatement {
	var read []attrStatement
	read, c.items = attributeStatements(read, attrs, c.items)
	for _, r := range read {
		c.add(FieldAttributes, r.st)
	}
	return read
}

// keptAttributeList is a list of attributes and the statements read
// from it, kept (FieldMemo.attributes).
type keptAttributeList struct {
	attrs      []listings.Attribute
	statements []compStatement
}

// size is the bytes of the kept attributes (0 for none).
func (k *keptAttributeList) size() int {
	if k == nil {
		return 0
	}
	return attributesSize(k.attrs)
}

// attributesSize is the bytes of the attributes' names and values.
func attributesSize(attrs []listings.Attribute) int {
	size := 0
	for _, a := range attrs {
		size += len(a.Name) + len(a.Value)
	}
	return size
}

// attributesHash is the hash of a list of attributes' names and values.
func (m *FieldMemo) attributesHash(attrs []listings.Attribute) uint64 {
	var h maphash.Hash
	h.SetSeed(m.seed)
	for _, a := range attrs {
		h.WriteString(a.Name)
		h.WriteByte(0)
		h.WriteString(a.Value)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// attributeStatements appends to read the statements of every
// composition attribute (see attributes); items is a buffer of items,
// returned for the next reader.
func attributeStatements(read []attrStatement, attrs []listings.Attribute, items []compItem) ([]attrStatement, []compItem) {
	for i, base := range valueOffsets(attrs) {
		a := attrs[i]
		if !isCompositionName(a.Name) {
			continue
		}
		opt := compOptions{part: partOfName(a.Name), label: a.Name, base: base, attribute: true}
		t := newScanText(a.Value)
		items = appendItems(items[:0], t, 0, t.len())
		if share, ok := shareOnly(items); ok {
			read = completeShare(read, a.Name, share, t, opt)
			continue
		}
		for _, st := range buildStatements(t, items, opt) {
			read = append(read, attrStatement{name: Normalize(a.Name), st: st})
		}
	}
	return read, items
}

// shareOnly reports a value that is only a figure (95%, 96%及以上).
func shareOnly(items []compItem) (compItem, bool) {
	if len(items) == 1 && items[0].kind == itemPercent {
		return items[0], true
	}
	return compItem{}, false
}

// completeShare gives a share attribute's figure to the fibre its sibling
// names (主面料成分含量 → 主面料成分), or to the fibre in its own name
// (羊毛含量: 70%, 含棉量: 95%).
func completeShare(read []attrStatement, name string, share compItem, t *scanText, opt compOptions) []attrStatement {
	n := Normalize(name)
	base := strings.TrimSuffix(strings.TrimSuffix(n, "含量"), "的")
	for i := range read {
		r := &read[i]
		if r.name == base && r.st.implied && len(r.st.fibres) == 1 {
			r.st.implied = false
			r.st.fibres[0].Percent = share.fig.value
			r.st.fibres[0].AtLeast = share.fig.atLeast
			return read
		}
	}
	nt := newScanText(n)
	for i := 0; i < nt.len(); i++ {
		if w, _, ok := fibreAt(nt, i); ok && !w.skip && !w.blend() {
			f := fiberAt(t, opt, w.std[0], share.fig.value, share.fig.atLeast, share.start, share.end)
			st := compStatement{part: opt.part, label: name, fibres: []Fiber{f}, labelled: true}
			return append(read, attrStatement{name: n, st: st})
		}
	}
	return read
}
