package facts

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// promiseMatcher finds one family of promise wording. build turns a match
// into a Promise, or rejects it (false). A Promise with no Kind claims the
// words without recording anything: that is how negated wording (非预售,
// 无现货) keeps a later, looser matcher from reading it as an offer.
//
// need lists words of which a sentence must hold one before the regexp runs
// on it: most sentences hold none, and checking words is far cheaper than
// running forty regexps over a whole description. No pattern crosses a
// sentence mark, so matching sentence by sentence finds the same words.
//
// kinds are every kind build can give (none for a matcher that only
// claims words): the engine reads from them which need words can lead to
// the kinds a rule needs (PromiseMatchersOf).
type promiseMatcher struct {
	need  []string
	re    *regexp.Regexp
	build func(m promiseMatch) (Promise, bool)
	kinds []string
}

// needWords is the list of words a matcher's sentence must hold one of.
func needWords(words ...string) []string { return words }

// yields is the list of kinds a matcher's build can give.
func yields(kinds ...string) []string { return kinds }

// promiseText is one field's text prepared for matching: matchers run on the
// normalised text (half-width, simplified, lower-case), and origin maps its
// byte offsets back to the original, so spans quote what the seller wrote.
type promiseText struct {
	norm    string
	origin  []int32
	claimed [][2]int // spans (normalised offsets) already taken by earlier matchers
}

// promiseMatch is one regexp match with the text around it.
type promiseMatch struct {
	t   *promiseText
	loc []int // submatch index pairs into t.norm
}

// clauseEnd holds the marks that close a clause: sentence marks plus commas,
// enumeration commas and brackets (the normalised forms and the CJK ones).
const clauseEnd = sentenceEnd + ",，、()（）【】[]"

// appendPromisesIn appends to dst what every matcher finds in one
// field's text (nt, normalised), in order: earlier matchers (refusals,
// conditional terms) claim their words first. The field's promises are
// sorted by where they start, among themselves.
func appendPromisesIn(dst []Promise, text string, nt normalText, field string) []Promise {
	if text == "" {
		return dst
	}
	norm, origin := nt.norm, nt.origin
	need := findNeedWords(norm)
	if need == nil {
		return dst // no matcher's words: no sentence can hold a promise
	}
	t := &promiseText{norm: norm, origin: origin}
	may := PromiseMatchersIn(norm, need.words())
	sentences := Sentences(norm)
	from := len(dst)
	scans := promiseStarts()
	for k, pm := range promiseMatchers {
		if may&matcherBit(k) == 0 {
			continue // its pattern matches nowhere in the text
		}
		for _, sent := range sentences {
			if !need.holdsAny(pm.need, sent.S, sent.E) {
				continue
			}
			for _, loc := range scans[k].findAll(norm[sent.S:sent.E]) {
				if p, ok := t.take(pm, shiftLoc(loc, sent.S)); ok {
					p.S, p.E = int(origin[p.S]), int(origin[p.E])
					p.Text, p.Field = text[p.S:p.E], field
					dst = append(dst, p)
				}
			}
		}
	}
	slices.SortStableFunc(dst[from:], func(a, b Promise) int { return cmp.Compare(a.S, b.S) })
	return dst
}

// take builds a promise from a match unless earlier words claimed it; a
// taken match claims its words. S and E are normalised offsets here.
func (t *promiseText) take(pm promiseMatcher, loc []int) (Promise, bool) {
	loc[0], loc[1] = trimMatchSpace(t.norm, loc[0], loc[1])
	if loc[0] == loc[1] || t.overlaps(loc[0], loc[1]) {
		return Promise{}, false
	}
	p, ok := pm.build(promiseMatch{t: t, loc: loc})
	if !ok {
		return Promise{}, false
	}
	t.claimed = append(t.claimed, [2]int{loc[0], loc[1]})
	p.S, p.E = loc[0], loc[1]
	return p, p.Kind != ""
}

// shiftLoc moves submatch offsets from a sentence into the whole text.
func shiftLoc(loc []int, by int) []int {
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += by
		}
	}
	return loc
}

func (t *promiseText) overlaps(s, e int) bool {
	for _, c := range t.claimed {
		if s < c[1] && c[0] < e {
			return true
		}
	}
	return false
}

// group returns submatch i of the normalised text ("" when it did not take part).
func (m promiseMatch) group(i int) string {
	if 2*i+1 >= len(m.loc) || m.loc[2*i] < 0 {
		return ""
	}
	return m.t.norm[m.loc[2*i]:m.loc[2*i+1]]
}

// text is the whole match (normalised).
func (m promiseMatch) text() string { return m.group(0) }

// before is the text of the match's clause that precedes it.
func (m promiseMatch) before() string {
	return m.t.norm[promiseBoundBefore(m.t.norm, m.loc[0], clauseEnd):m.loc[0]]
}

// after is the text of the match's clause that follows it.
func (m promiseMatch) after() string {
	return m.t.norm[m.loc[1]:promiseBoundAfter(m.t.norm, m.loc[1], clauseEnd)]
}

// clause is the clause holding the match.
func (m promiseMatch) clause() string { return m.before() + m.text() + m.after() }

// sentence is the sentence holding the match.
func (m promiseMatch) sentence() string {
	n := m.t.norm
	return n[promiseBoundBefore(n, m.loc[0], sentenceEnd):promiseBoundAfter(n, m.loc[1], sentenceEnd)]
}

// promiseBoundBefore is the offset just after the last mark before i.
func promiseBoundBefore(s string, i int, marks string) int {
	if j := strings.LastIndexAny(s[:i], marks); j >= 0 {
		_, size := utf8.DecodeRuneInString(s[j:])
		return j + size
	}
	return 0
}

// promiseBoundAfter is the offset of the first mark at or after i.
func promiseBoundAfter(s string, i int, marks string) int {
	if j := strings.IndexAny(s[i:], marks); j >= 0 {
		return i + j
	}
	return len(s)
}

// trimMatchSpace drops the spaces a pattern's optional head or tail took in,
// so evidence starts and ends on a word.
func trimMatchSpace(s string, start, end int) (int, int) {
	for start < end && (s[start] == ' ' || s[start] == '\t') {
		start++
	}
	for end > start && (s[end-1] == ' ' || s[end-1] == '\t') {
		end--
	}
	return start, end
}
