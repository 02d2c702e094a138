package listings

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// maxAttributeName bounds an attribute name, so that a sentence that merely
// holds a colon is not taken for "name: value".
const maxAttributeName = 24

// SplitAttribute splits an attribute text such as "品牌:\u00a0KBDfans" or
// "材质成分：棉95%" at its first ASCII or full-width colon. It reports false
// when there is no colon, or the name is empty or too long to be a name.
func SplitAttribute(s string) (Attribute, bool) {
	i := strings.IndexAny(s, ":：")
	if i < 0 {
		return Attribute{}, false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	name, value := Clean(s[:i]), Clean(s[i+size:])
	if name == "" || utf8.RuneCountInString(name) > maxAttributeName {
		return Attribute{}, false
	}
	return Attribute{Name: name, Value: value}, true
}

// attrSet collects attributes in page order, without exact duplicates
// (Tmall shows the same pair in its list and in its spec table).
type attrSet struct {
	list []Attribute
	seen map[Attribute]bool // made once list is long (see has)
}

// add records one pair; empty names or values are skipped.
func (s *attrSet) add(name, value string) {
	a := Attribute{Name: strings.TrimRight(Clean(name), ":： "), Value: Clean(value)}
	if a.Name == "" || a.Value == "" || s.has(a) {
		return
	}
	if s.seen != nil {
		s.seen[a] = true
	}
	s.list = append(s.list, a)
}

// maxScannedAttrs is how long a list has looks through; a longer one is
// indexed. An export row's few attributes cost a map each otherwise.
const maxScannedAttrs = 16

// has reports whether the set holds a.
func (s *attrSet) has(a Attribute) bool {
	if s.seen == nil && len(s.list) < maxScannedAttrs {
		return slices.Contains(s.list, a)
	}
	if s.seen == nil {
		s.seen = make(map[Attribute]bool, 2*len(s.list))
		for _, b := range s.list {
			s.seen[b] = true
		}
	}
	return s.seen[a]
}

// addText records "name: value" text; it reports whether it was one.
func (s *attrSet) addText(text string) bool {
	a, ok := SplitAttribute(text)
	if ok {
		s.add(a.Name, a.Value)
	}
	return ok
}
