package listings

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// domIndex lists a page's elements in document order and where each id
// and class name occurs. A saved item page holds thousands of elements
// (recommendations, scripts, icons) and the extractors ask it some thirty
// selectors: matching every selector against every element cost more
// than parsing the page. Looking up the elements a selector's keys allow,
// then matching only those, finds the same nodes (see page.find).
type domIndex struct {
	elems   []*html.Node // a tag is looked up by scanning them: it costs less than a map
	ends    []int32      // ends[i]: the position after elems[i]'s last descendant
	byID    map[string][]int32
	byClass map[string][]int32
}

// newDOMIndex walks the elements under root once; sizeHint is about how
// many there are.
func newDOMIndex(root *html.Node, sizeHint int) *domIndex {
	x := &domIndex{
		elems: make([]*html.Node, 0, sizeHint), ends: make([]int32, 0, sizeHint),
		byID: map[string][]int32{}, byClass: map[string][]int32{},
	}
	x.walk(root)
	return x
}

func (x *domIndex) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			x.walk(c) // the parser hangs elements under elements only, but be sure
			continue
		}
		pos := x.add(c)
		x.walk(c)
		x.ends[pos] = int32(len(x.elems))
	}
}

// add records one element under its ids and its class names.
func (x *domIndex) add(n *html.Node) int32 {
	pos := int32(len(x.elems))
	x.elems = append(x.elems, n)
	x.ends = append(x.ends, pos+1)
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			x.byID[a.Val] = append(x.byID[a.Val], pos)
		case "class":
			x.addClasses(a.Val, pos)
		}
	}
	return pos
}

// addClasses records the element at pos under each name of a class
// attribute, split at the white space cascadia (the selector engine)
// splits it at.
func (x *domIndex) addClasses(val string, pos int32) {
	start := 0
	for i := 0; i <= len(val); i++ {
		if i < len(val) && !isClassSpace(val[i]) {
			continue
		}
		if i > start {
			name := val[start:i]
			if list := x.byClass[name]; len(list) == 0 || list[len(list)-1] != pos { // class="a a"
				x.byClass[name] = append(list, pos)
			}
		}
		start = i + 1
	}
}

func isClassSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'
}

// lookup is the positions of the elements a key allows, in document
// order; with first set, a non-empty answer may stop at the first.
func (x *domIndex) lookup(k selKey, first bool) []int32 {
	switch k.kind {
	case keyID:
		return x.byID[k.value]
	case keyClass:
		return x.byClass[k.value]
	case keyTag:
		return x.withTag(k.value, first)
	case keyIDPrefix:
		return prefixed(x.byID, k.value, first)
	case keyClassPrefix:
		return prefixed(x.byClass, k.value, first)
	}
	return nil
}

// withTag is the positions of the elements named tag, compared as
// cascadia compares them.
func (x *domIndex) withTag(tag string, first bool) []int32 {
	var out []int32
	for pos, n := range x.elems {
		if n.Data == tag {
			out = append(out, int32(pos))
			if first {
				break
			}
		}
	}
	return out
}

// prefixed is the positions listed under the keys of m that start with
// prefix, in document order.
func prefixed(m map[string][]int32, prefix string, first bool) []int32 {
	var out []int32
	for name, list := range m {
		if strings.HasPrefix(name, prefix) {
			if first {
				return list
			}
			out = append(out, list...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
