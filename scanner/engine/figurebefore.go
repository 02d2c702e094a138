package engine

import (
	"fmt"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// Some words are claims only before a figure: 畅销 and 收藏 are in many
// titles (畅销书籍, 收藏级), 已售5000件 and 好评率99% in few. A rule that
// reads such words only there says so in its needs (before_figure), and
// the gate counts them only there: where a figure of their field, or a
// token that starts with a digit, starts on one of the within tokens
// after the word's last token. Entries, when given, are the attributes an
// entry of the word's table must have for the word to be read so (kind:
// metric): the other words of the tables count anywhere, as without it.
// The rule may still find nothing (a model code, a year); it never
// misses a word the gate did not count.

// BeforeFigure is Needs.BeforeFigure.
type BeforeFigure struct {
	Within  int            `json:"within"`
	Entries map[string]any `json:"entries"`
}

// pendingBefore is a run of alternative alt's words ending on token end
// of field, counted once a figure is found after it
// (gate.resolveBeforeFigures).
type pendingBefore struct {
	alt   int
	field string
	end   int
}

// checkBeforeFigure refuses a before_figure the gate cannot honour: a
// window of no tokens, no words to apply it to, another narrowing of the
// same words, or entry attributes that are not plain values.
func checkBeforeFigure(n Needs) error {
	b := n.BeforeFigure
	if b == nil {
		return nil
	}
	switch {
	case b.Within <= 0 || len(n.Words) == 0:
		return fmt.Errorf("before_figure within %d: want a count of tokens above 0, beside words", b.Within)
	case n.AfterFigure > 0 || n.Partnered:
		return fmt.Errorf("before_figure: want it without after_figure and partnered on the same words")
	}
	for k, v := range b.Entries {
		switch v.(type) {
		case string, bool, float64:
		default:
			return fmt.Errorf("before_figure entries %q: want a string, a number or a boolean, not %T", k, v)
		}
	}
	return nil
}

// beforeFigure reports whether alternative a reads the word of entry
// only before a figure: it declares before_figure, and the entry has
// every attribute it names.
func (g *gate) beforeFigure(a int, entry any) bool {
	b := g.alts[a].beforeFigure
	if b == nil {
		return false
	}
	obj, _ := entry.(map[string]any)
	for k, v := range b.Entries {
		if obj[k] != v {
			return false
		}
	}
	return true
}

// resolveBeforeFigures marks the alternatives of the pending runs that a
// figure or a digit starts after, close enough. Both are asked: a rule may
// read a run of digits as a count where no figure is (热销 233).
func (g *gate) resolveBeforeFigures(m *marks, fields map[string]facts.Field, numbers []facts.Number) {
	for _, p := range m.before {
		if m.words[p.alt] {
			continue
		}
		within := g.alts[p.alt].beforeFigure.Within
		m.words[p.alt] = digitAfter(fields[p.field].Tokens, p.end, within) || figureAfter(numbers, p.field, p.end, within)
	}
}

// digitAfter: one of the within tokens after token end starts with a digit.
func digitAfter(toks []facts.Token, end, within int) bool {
	for i := end + 1; i <= end+within && i < len(toks); i++ {
		if t := toks[i].T; t != "" && t[0] >= '0' && t[0] <= '9' {
			return true
		}
	}
	return false
}

// figureAfter: a figure of field starts on one of the within tokens after
// token end.
func figureAfter(numbers []facts.Number, field string, end, within int) bool {
	for _, n := range numbers {
		if n.Field == field && n.First != nil && *n.First > end && *n.First <= end+within {
			return true
		}
	}
	return false
}

// figureCharsIn is firstFigureChar of a text of n bytes read as chars
// (trieText.read: no character left out can start a figure), and the
// byte offset of the last character that can start a figure, or -1: a
// figure or a digit token after a word starts at or after the word's
// end, so where the word ends after last the text stage does not count
// it. The text stage has read the characters for its trie already.
func figureCharsIn(chars []trieChar, n int) (first, last int) {
	first, last = n, -1
	for _, c := range chars {
		if facts.StartsFigure(c.r) {
			if last < 0 {
				first = int(c.at)
			}
			last = int(c.at)
		}
	}
	return first, last
}
