package facts

// compItem is one piece of a composition statement: a fibre, a figure or a
// label (a part such as 里料:, or a plain label such as 材质:).
type compItem struct {
	kind       itemKind
	start, end int // rune range
	word       fibreWord
	fig        pctFigure
	part       string // label: the part it names ("" for a plain label)
	pure       bool   // fibre: written 纯X or 全X
	trace      bool   // fibre: written 含微量X (GB/T 29862 §7.5, left out of the total)
}

type itemKind int

const (
	itemFibre itemKind = iota
	itemPercent
	itemLabel
)

// scanItems finds the composition items in runes [a, b) of t.
func scanItems(t *scanText, a, b int) []compItem { return appendItems(nil, t, a, b) }

// appendItems appends scanItems(t, a, b) to items.
func appendItems(items []compItem, t *scanText, a, b int) []compItem {
	for i := a; i < b; {
		if !itemStarts.MayHave(t.at(i)) {
			i++ // itemAt would say no (mayStartItem), but a call per character costs
			continue
		}
		it, end, ok := itemAt(t, i)
		if ok && end <= b {
			// A share over 100% is no share (棉101%): it is read whole, so
			// its digits do not make another (01%), and dropped.
			overFull := it.kind == itemPercent && it.fig.value > 100
			if (it.kind != itemFibre || !it.word.skip) && !overFull {
				items = append(items, it)
			}
			i = end
			continue
		}
		i++
	}
	return items
}

// mayStartItem is a cheap test that lets scanItems skip most characters:
// one bit test for the characters of the plane (itemStarts, which marks
// just the characters mayStartAnItem says may start one), mayStartAnItem
// beyond it. Asking it of a marked character too was most of the test.
func mayStartItem(r rune) bool {
	if r >= 0 && r <= 0xFFFF {
		return itemStarts.MayHave(r)
	}
	return mayStartAnItem(r)
}

// mayStartAnItem says whether an item may start with r: a figure, a mark
// (纯, 含微量) or a word of the lexicons.
func mayStartAnItem(r rune) bool {
	return isDigitRune(r) || containsRune("百纯全含微", r) ||
		fibreLexicon.starts(r) || partLexicon.starts(r) || labelLexicon.starts(r)
}

// itemStarts marks the characters that may start an item, from the
// same lists as mayStartAnItem (TestItemStartsMarkEveryStart).
var itemStarts = func() *RuneKeys {
	s := &RuneKeys{}
	for _, r := range "0123456789百纯全含微" {
		s.Add(r)
	}
	for _, firsts := range []RuneKeys{fibreLexicon.firsts, partLexicon.firsts, labelLexicon.firsts} {
		for k := range s {
			s[k] |= firsts[k]
		}
	}
	return s
}()

func itemAt(t *scanText, i int) (compItem, int, bool) {
	if !mayStartItem(t.at(i)) {
		return compItem{}, i, false
	}
	if f, ok := percentAt(t, i); ok {
		return compItem{kind: itemPercent, start: i, end: f.end, fig: f}, f.end, true
	}
	if part, end, ok := labelAt(t, i); ok {
		return compItem{kind: itemLabel, start: i, end: end, part: part}, end, true
	}
	if it, ok := markedFibreAt(t, i); ok {
		return it, it.end, true
	}
	if w, end, ok := fibreAt(t, i); ok {
		return compItem{kind: itemFibre, start: i, end: end, word: w}, end, true
	}
	return compItem{}, i, false
}

// markedFibreAt reads 纯X / 全X and 含微量X / 微量X.
func markedFibreAt(t *scanText, i int) (compItem, bool) {
	if r := t.at(i); r != '纯' && r != '全' && r != '含' && r != '微' {
		return compItem{}, false // the first character of every mark below
	}
	for _, m := range []struct {
		word        string
		n           int // runes in word
		pure, trace bool
	}{{"纯", 1, true, false}, {"全", 1, true, false}, {"含微量", 3, false, true}, {"微量", 2, false, true}} {
		if !t.hasAt(i, m.word) {
			continue
		}
		w, end, ok := fibreAt(t, i+m.n)
		if !ok || w.skip || (m.pure && w.blend()) {
			return compItem{}, false
		}
		return compItem{kind: itemFibre, start: i, end: end, word: w, pure: m.pure, trace: m.trace}, true
	}
	return compItem{}, false
}

// pairSeparators may stand between a fibre and its figure (棉: 95%, 棉(95%)).
const pairSeparators = " :()+/,、-*|=为约占"

// pairTogether reports whether items a and b (a before b) are written together:
// only separators, at most three of them, or a plain label such as 含量
// stand between them.
func pairTogether(t *scanText, items []compItem, a, b int) bool {
	gap := 0
	for i := items[a].end; i < items[b].start; i++ {
		if inPlainLabel(items, a, b, i) {
			continue
		}
		if !containsRune(pairSeparators, t.at(i)) {
			return false
		}
		gap++
	}
	return gap <= 3
}

func inPlainLabel(items []compItem, a, b, i int) bool {
	for k := a + 1; k < b; k++ {
		if items[k].kind == itemLabel && items[k].part == "" && items[k].start <= i && i < items[k].end {
			return true
		}
	}
	return false
}
