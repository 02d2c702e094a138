package engine

import (
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// A word of a table's pattern_heads gives a rule nothing to judge unless
// one of the patterns it starts can complete in the listing: every later
// part needs its words (lib/pattern.rego looks for them among the found
// pattern words), a "#unit" part a figure with that unit, a "~name" part
// a suffix of the class somewhere in the text. Single-character heads (保,
// 提, 治) start a pattern in many titles and complete one in few, so the
// gate counts a head only where the listing has every later part of one
// of its patterns, anywhere in it (looser than the library, which wants
// them after the head, within the gap: the gate may let through a listing
// the rule then finds nothing in, never the reverse). What a part needs
// is read from the tables once (patternStarts).

// pendingHead is head word key of table for alternative alt; found in a
// listing, it counts once one of its patterns can complete
// (gate.resolveHeads).
type pendingHead struct {
	alt        int
	table, key string
}

// completion is what a listing holds for the later parts of patterns: a
// figure with a unit, a suffix of a class, the classes of a table's
// pattern words.
type completion interface {
	hasUnit(unit string) bool
	hasSuffix(suffixes []string) bool
	tableClasses(table string, pt *patternTable) map[string]bool
}

// patternEvidence is what the listing's tokens hold for the later parts
// of patterns, each worked out once, when first asked.
type patternEvidence struct {
	fields  map[string]facts.Field
	numbers func() []facts.Number
	units   map[string]bool
	classes map[string]map[string]bool // by table: classes of the pattern words found
	text    []string                   // each field's tokens, concatenated
}

func newPatternEvidence(fields map[string]facts.Field, numbers func() []facts.Number) *patternEvidence {
	return &patternEvidence{fields: fields, numbers: numbers, classes: map[string]map[string]bool{}}
}

// resolveHeads marks the alternatives of the pending heads that can
// complete one of their patterns (those not marked by another word).
func (g *gate) resolveHeads(pending []pendingHead, words []bool, ev completion) {
	for _, h := range pending {
		if !words[h.alt] && g.starts[h.table].canComplete(h.table, h.key, ev) {
			words[h.alt] = true
		}
	}
}

// canComplete: some pattern head word key can start has every later part
// in the listing.
func (pt *patternTable) canComplete(table, key string, ev completion) bool {
	for _, id := range pt.heads[key] {
		if pt.completes(table, id, ev) {
			return true
		}
	}
	return false
}

func (pt *patternTable) completes(table, id string, ev completion) bool {
	for _, part := range pt.later[id] {
		var there bool
		switch {
		case strings.HasPrefix(part, "#"):
			there = ev.hasUnit(part[1:])
		case strings.HasPrefix(part, "~"):
			there = ev.hasSuffix(pt.suffixes[part[1:]])
		default:
			there = ev.tableClasses(table, pt)[part]
		}
		if !there {
			return false
		}
	}
	return true
}

// hasUnit: some figure of the listing has the unit ("" for a bare figure).
func (ev *patternEvidence) hasUnit(unit string) bool {
	if ev.units == nil {
		ev.units = map[string]bool{}
		for _, n := range ev.numbers() {
			ev.units[n.Unit] = true
		}
	}
	return ev.units[unit]
}

// hasSuffix: one of the suffixes is in some field's tokens, read as one
// text (a run that ends with it is a stretch of that text).
func (ev *patternEvidence) hasSuffix(suffixes []string) bool {
	if ev.text == nil {
		ev.text = make([]string, 0, len(ev.fields))
		for _, f := range ev.fields {
			var b strings.Builder
			for _, tok := range f.Tokens {
				b.WriteString(tok.T)
			}
			ev.text = append(ev.text, b.String())
		}
	}
	for _, s := range suffixes {
		for _, text := range ev.text {
			if strings.Contains(text, s) {
				return true
			}
		}
	}
	return false
}

// tableClasses are the classes of the words of table's pattern_words that
// some run of 1 to maxLexiconRun tokens of the listing spells (the runs
// lexiconFacts finds).
func (ev *patternEvidence) tableClasses(table string, pt *patternTable) map[string]bool {
	if cls, ok := ev.classes[table]; ok {
		return cls
	}
	cls := map[string]bool{}
	var key []byte // looked up as string(key), which does not allocate
	for _, f := range ev.fields {
		for i := range f.Tokens {
			key = key[:0]
			for n := 0; n < maxLexiconRun && i+n < len(f.Tokens); n++ {
				key = append(key, f.Tokens[i+n].T...)
				for _, c := range pt.classes[string(key)] {
					cls[c] = true
				}
			}
		}
	}
	ev.classes[table] = cls
	return cls
}
