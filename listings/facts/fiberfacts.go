package facts

import "github.com/xiaoer-dev/xiaoer/listings"

// FiberFacts are Composition(l, fields) and FiberClaims(fields) read
// together: both read each copy field's statements (copyStatements, the
// costliest part of either: items, clusters, statements), the claims to
// leave them out, and here the statements are read once for both.
func FiberFacts(l *listings.Listing, fields map[string]Field) ([]Fiber, []FiberClaim) {
	copies := copyFactsOf(nil, fields)
	return fiberFacts(nil, l, &copies)
}

// copyTexts are the copy fields' scan texts, in the order of copyFields
// (nil for a field the listing has not, or that is not read).
type copyTexts [len(copyFields)]*scanText

// copyScanTexts reads the copy fields k that read[k] asks for. The texts
// are allocated together, and their runes and offsets in one buffer: a
// listing's four fields were eight allocations.
func copyScanTexts(fields map[string]Field, read [len(copyFields)]bool) copyTexts {
	var out copyTexts
	var src [len(copyFields)]string
	var has [len(copyFields)]bool
	var counts [len(copyFields)]int
	size := 0
	for k, name := range copyFields {
		if !read[k] {
			continue
		}
		if f, ok := fields[name]; ok {
			src[k], has[k], counts[k] = f.Text, true, scanTextRunes(f.Text)
			size += 2*counts[k] + 1
		}
	}
	if size == 0 {
		return out
	}
	texts := new([len(copyFields)]scanText)
	buf := make([]int32, size)
	for k := range src {
		if has[k] {
			out[k] = &texts[k]
			buf = texts[k].read(src[k], counts[k], buf)
		}
	}
	return out
}

// copyFacts are what the fibres and the down read in one copy field's
// text: its composition statements, the fibre claims outside them, and
// the down claims. They follow from the text and the field's name alone.
type copyFacts struct {
	statements []compStatement
	claims     []FiberClaim
	down       []DownClaim
}

// readCopyFacts reads t, the text of copy field name, into cf; items is
// a buffer of items for the statements, returned for the next field.
func readCopyFacts(cf *copyFacts, name string, t *scanText, items []compItem) []compItem {
	items = appendItems(items[:0], t, 0, t.len())
	sts := copyStatementsOf(t, items)
	*cf = copyFacts{statements: sts, claims: claimsOutside(name, t, statementSpans(sts)), down: downClaimsIn(name, t)}
	return items
}

// copyFactList are the copy fields' facts, in the order of copyFields
// (nil for a field the listing has not).
type copyFactList [len(copyFields)]*copyFacts

// keptCopy is a copy field's name and text and its facts, kept
// (FieldMemo.copies).
type keptCopy struct {
	field, text string
	facts       copyFacts
}

// size is the bytes of the kept text (0 for none).
func (k *keptCopy) size() int {
	if k == nil {
		return 0
	}
	return len(k.text)
}

// copyFactsOf reads the copy fields' facts. With a memo, those of a
// field other than the title kept with the same text are the kept ones,
// and the others are kept when they are met again; the fields not kept
// are read from their scan texts (copyScanTexts).
func copyFactsOf(m *FieldMemo, fields map[string]Field) copyFactList {
	var out copyFactList
	var read [len(copyFields)]bool
	var hashes [len(copyFields)]uint64
	var olds [len(copyFields)]*keptCopy
	any := false
	for k, name := range copyFields {
		f, ok := fields[name]
		if !ok {
			continue
		}
		if m != nil && name != FieldTitle {
			hashes[k] = m.textHash(name, f.Text)
			old := m.copies.At(hashes[k])
			if old != nil && old.field == name && old.text == f.Text {
				out[k] = &old.facts
				continue
			}
			olds[k] = old
		}
		read[k], any = true, true
	}
	if !any {
		return out
	}
	texts := copyScanTexts(fields, read)
	all := new([len(copyFields)]copyFacts)
	var items []compItem
	for k, name := range copyFields {
		if t := texts[k]; t != nil {
			items = readCopyFacts(&all[k], name, t, items)
			out[k] = &all[k]
			if m != nil && name != FieldTitle && m.copies.MetBefore(hashes[k]) {
				m.copies.keep(hashes[k], olds[k], &keptCopy{field: name, text: t.src, facts: all[k]}, len(t.src), olds[k].size())
			}
		}
	}
	return out
}

// fiberFacts are FiberFacts of the copy fields' facts copies, reading
// the attributes with memo m (nil: none kept).
func fiberFacts(m *FieldMemo, l *listings.Listing, copies *copyFactList) ([]Fiber, []FiberClaim) {
	var c compositionBuilder
	c.attributes(m, l.Attributes)
	var claims []FiberClaim
	for k, name := range copyFields {
		cf := copies[k]
		if cf == nil {
			continue
		}
		c.statements(name, cf.statements)
		claims = append(claims, cf.claims...)
	}
	return c.out, claims
}
