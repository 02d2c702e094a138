package facts

import "strings"

// compStatement is one composition as stated for one part (棉60% 聚酯纤维40%).
type compStatement struct {
	part     string
	label    string
	fibres   []Fiber // Field and Statement are set when the statement is kept
	implied  bool
	labelled bool // introduced by a label (材质:, 里料:)
}

// compOptions say how a region of text is read.
type compOptions struct {
	part, label string // defaults until the text names a part
	base        int    // byte offset of the scanned text in the field text
	attribute   bool   // an attribute value: fibres without figures count (面料: 棉, 纯棉)
}

// buildStatements groups a region's items into statements, one per part
// label and one more whenever a complete 100% is followed by more fibres.
func buildStatements(t *scanText, items []compItem, opt compOptions) []compStatement {
	segs := compSegments(t, items, opt)
	if len(segs) == 1 {
		return segs[0].statements(t, items, opt) // most regions: no list to copy them into
	}
	var out []compStatement
	for _, seg := range segs {
		out = append(out, seg.statements(t, items, opt)...)
	}
	return out
}

// compSegment is the items between two part labels.
type compSegment struct {
	part, label string
	labelled    bool
	idx         []int // fibre and figure items, in order
}

// compSegments cuts the items at each part label. The segments' indexes
// lie one after another in one list made to the number of items: grown a
// segment at a time, they were several lists.
func compSegments(t *scanText, items []compItem, opt compOptions) []compSegment {
	cur := compSegment{part: opt.part, label: opt.label}
	var out []compSegment
	idx := make([]int, 0, len(items))
	from := 0 // where cur's indexes start in idx
	for k, it := range items {
		switch {
		case it.kind == itemLabel && it.part != "":
			cur.idx = idx[from:len(idx):len(idx)]
			out = appendCompSegment(out, cur)
			from = len(idx)
			cur = compSegment{part: it.part, label: labelText(t, it), labelled: true}
		case it.kind == itemLabel:
			if len(idx) == from {
				cur.labelled = true
				if cur.label == "" {
					cur.label = labelText(t, it)
				}
			}
		default:
			idx = append(idx, k)
		}
	}
	cur.idx = idx[from:len(idx):len(idx)]
	return appendCompSegment(out, cur)
}

func appendCompSegment(out []compSegment, s compSegment) []compSegment {
	if len(s.idx) == 0 {
		return out
	}
	return append(out, s)
}

func labelText(t *scanText, it compItem) string {
	return strings.TrimRight(t.norm(it.start, it.end), ": ")
}

// statements pairs fibres with figures and splits the result at each
// complete 100%.
func (s compSegment) statements(t *scanText, items []compItem, opt compOptions) []compStatement {
	figures := 0
	for _, k := range s.idx {
		if items[k].kind == itemPercent {
			figures++
		}
	}
	if figures == 0 {
		if !opt.attribute {
			return nil
		}
		return s.unfigured(t, items, opt)
	}
	fibres := s.paired(t, items, opt)
	return s.split(fibres)
}

// unfigured reads an attribute value that names fibres without figures:
// 纯棉 states 100%, 棉 or 涤棉 only name the fibres (implied).
func (s compSegment) unfigured(t *scanText, items []compItem, opt compOptions) []compStatement {
	st := compStatement{part: s.part, label: s.label, labelled: true}
	for _, k := range s.idx {
		it := items[k]
		if it.trace {
			continue
		}
		for _, std := range it.word.std {
			st.fibres = append(st.fibres, fiberAt(t, opt, std, 100, false, it.start, it.end))
		}
		if !it.pure {
			st.implied = true
		}
	}
	if onlyOther(st.fibres) {
		return nil // 面料: 其他 says nothing
	}
	if st.implied {
		for i := range st.fibres {
			st.fibres[i].Percent = 0
		}
	}
	return []compStatement{st}
}

// paired turns fibre–figure pairs into fibres; in an attribute, a 纯X with
// no figure of its own is 100%.
func (s compSegment) paired(t *scanText, items []compItem, opt compOptions) []Fiber {
	var out []Fiber
	used := make(map[int]bool)
	fibreFirst := items[s.idx[0]].kind == itemFibre
	for pos, k := range s.idx {
		it := items[k]
		if it.kind != itemFibre || it.word.blend() {
			continue
		}
		fig, ok := s.figureFor(t, items, pos, fibreFirst, used)
		if it.trace {
			continue
		}
		switch {
		case ok:
			a, b := min(it.start, items[fig].start), max(it.end, items[fig].end)
			f := items[fig].fig
			out = append(out, fiberAt(t, opt, it.word.std[0], f.value, f.atLeast, a, b))
		case it.pure && opt.attribute:
			out = append(out, fiberAt(t, opt, it.word.std[0], 100, false, it.start, it.end))
		}
	}
	return out
}

// figureFor finds the figure written with the fibre at s.idx[pos]: after
// it when the statement starts with a fibre (棉95%), before it otherwise
// (95%棉).
func (s compSegment) figureFor(t *scanText, items []compItem, pos int, fibreFirst bool, used map[int]bool) (int, bool) {
	k := s.idx[pos]
	order := []int{pos + 1, pos - 1}
	if !fibreFirst {
		order = []int{pos - 1, pos + 1}
	}
	for _, p := range order {
		if p < 0 || p >= len(s.idx) {
			continue
		}
		c := s.idx[p]
		if items[c].kind != itemPercent || used[c] {
			continue
		}
		if (c > k && pairTogether(t, items, k, c)) || (c < k && pairTogether(t, items, c, k)) {
			used[c] = true
			return c, true
		}
	}
	return 0, false
}

// split starts a new statement (another, unnamed part) when the figures
// already make 100% and more fibres follow. Each statement's fibres are
// its run of fibres, not a copy.
func (s compSegment) split(fibres []Fiber) []compStatement {
	if len(fibres) == 0 {
		return nil
	}
	cur := compStatement{part: s.part, label: s.label, labelled: s.labelled}
	var out []compStatement
	sum, start := 0.0, 0
	for k, f := range fibres {
		if sum >= 99.5 {
			cur.fibres = fibres[start:k:k]
			out = append(out, cur)
			cur = compStatement{part: PartOther, label: s.label, labelled: s.labelled}
			sum, start = 0, k
		}
		sum += f.Percent
	}
	cur.fibres = fibres[start:len(fibres):len(fibres)]
	return append(out, cur)
}

func fiberAt(t *scanText, opt compOptions, std string, pct float64, atLeast bool, a, b int) Fiber {
	s, e := t.span(a, b)
	return Fiber{Fiber: std, Percent: pct, AtLeast: atLeast, S: opt.base + s, E: opt.base + e}
}

// onlyOther reports fibres that are all 其他纤维 (or none at all).
func onlyOther(fibres []Fiber) bool {
	for _, f := range fibres {
		if f.Fiber != "其他纤维" {
			return false
		}
	}
	return true
}
