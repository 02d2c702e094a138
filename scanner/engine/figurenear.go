package engine

import (
	"fmt"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// Some words are claims only right after a figure: 宝宝 and 学生 are in
// hundreds of titles, 10万+宝宝 and 98%的学生 in few. A rule that reads
// such words only there says so in its needs (after_figure: how many
// tokens after the figure's end the word may start), and the gate counts
// them only there: a word that starts on the last token of a figure of
// its field (3亿人: the unit is the word) or within that many tokens
// after it, and, where the rule says so, a figure of some units
// (figure_units) or of some value at least (figure_min). The rule may
// still find nothing (a size, a year); it never misses a word the gate
// did not count. The text stage reads no values: there a figure of any
// value will do.

// FigureUnits is Needs.FigureUnits: the units of the figures a word after
// a figure counts after (a rule that counts only people or items after
// them: 10万+|人|已买, not 3岁|宝宝).
type FigureUnits struct {
	Tables []string `json:"tables"` // tables whose keys are units
	Units  []string `json:"units"`  // units as written; "" for none
}

// figureUnitsOf is the set of n's figure units, nil when it names none.
func figureUnitsOf(data map[string]any, n Needs) (map[string]bool, error) {
	fu := n.FigureUnits
	if fu == nil {
		return nil, nil
	}
	if n.AfterFigure <= 0 || len(fu.Tables)+len(fu.Units) == 0 {
		return nil, fmt.Errorf("figure_units: want tables or units, beside after_figure")
	}
	units := map[string]bool{}
	for _, u := range fu.Units {
		units[u] = true
	}
	if err := addTableKeys(data, fu.Tables, units); err != nil {
		return nil, fmt.Errorf("figure_units: %w", err)
	}
	return units, nil
}

// pendingNear is a run of alternative alt's words at token i of field,
// counted once a figure is found before it (gate.resolveNearFigures).
type pendingNear struct {
	alt   int
	field string
	i     int
}

// resolveNearFigures marks the alternatives of the pending runs that
// start close enough after a figure.
func (g *gate) resolveNearFigures(m *marks, numbers []facts.Number) {
	for _, p := range m.near {
		if m.words[p.alt] {
			continue
		}
		alt := &g.alts[p.alt]
		for _, n := range numbers {
			if n.Field == p.field && (alt.figureUnits == nil || alt.figureUnits[n.Unit]) && atLeast(n, alt.figureMin) && startsAfter(n, p.i, alt.afterFigure) {
				m.words[p.alt] = true
				break
			}
		}
	}
}

// atLeast: figure n's value is min or more (nil: any value). The figures
// are the document's (input.listing.numbers), so a rule's num.value >= min
// reads the same value.
func atLeast(n facts.Number, min *float64) bool { return min == nil || n.Value >= *min }

// startsAfter: token i is the last token of figure n or one of the within
// tokens after it, or the token that starts where the figure ends (its
// next, which rules read: 100%|正品) or one of the within-1 after that.
// (Tokens do not overlap, so where one starts at the figure's end another
// ends there, and next is last+1; the gate does not lean on it: a rule's
// window counted from either fits in this one.)
func startsAfter(n facts.Number, i, within int) bool {
	return n.Last != nil && *n.Last >= 0 && i >= *n.Last && i <= *n.Last+within ||
		n.Next != nil && *n.Next >= 0 && i >= *n.Next && i < *n.Next+within
}

// firstFigureChar is the byte offset of the first character of text that
// can start a figure (facts.Numbers: an ASCII digit, a Chinese numeral,
// 百分之), or len(text). A word after a figure starts at or after the
// figure's first character, so before this offset the text stage does not
// count it. The text is normalised (full-width digits folded), as the
// figures are read.
func firstFigureChar(text string) int {
	for i := 0; i < len(text); {
		r, n := runes.At(text, i) // every title with a word near a figure asks: see runes
		if n == 0 {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if facts.StartsFigure(r) {
			return i
		}
		i += n
	}
	return len(text)
}
