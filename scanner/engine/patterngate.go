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
// gate counts a head only where the head's field has every later part of
// one of its patterns, anywhere in it (looser than the library, which wants
// them in the head's field after the head, within the gap: the gate may
// let through a listing the rule then finds nothing in, never the
// reverse; a percentage in the attributes completes no pattern begun in
// the title). The text stage, before fields have tokens, reads the whole
// listing. What a part needs is read from the tables once (patternStarts).

// pendingHead is a head word of table (pt its index) for alternative
// alt; found in a listing (in field, "" at the text stage), it counts once
// one of its patterns can complete (gate.resolveHeads). later are the
// later parts of each pattern the word can start, read from the index
// when the gate is made: a listing's heads are resolved without looking
// the word, the table or the patterns up.
type pendingHead struct {
	alt   int
	field string
	pt    *patternTable
	later [][]patternPart
}

// completion is what a field of a listing holds for the later parts of
// patterns: a figure with a unit, a suffix of a class, the classes of a
// table's pattern words.
type completion interface {
	hasUnit(field, unit string) bool
	hasSuffix(field string, suffixes []string) bool
	tableClasses(field string, pt *patternTable) uint64
}

// patternEvidence is what each field's tokens hold for the later parts
// of patterns, each worked out once, when first asked.
type patternEvidence struct {
	fields  map[string]facts.Field
	numbers func() []facts.Number
	units   map[string]map[string]bool // by field: the units of its figures
	classes map[fieldTable]uint64      // class bits of the pattern words found
	text    map[string]string          // by field: its tokens, concatenated
}

func newPatternEvidence(fields map[string]facts.Field, numbers func() []facts.Number) *patternEvidence {
	return &patternEvidence{fields: fields, numbers: numbers, classes: map[fieldTable]uint64{}}
}

// fieldTable is a field and a table's index.
type fieldTable struct {
	field string
	table int
}

// resolveHeads marks the alternatives of the pending heads that can
// complete one of their patterns (those not marked by another word).
func (g *gate) resolveHeads(pending []pendingHead, words []bool, ev completion) {
	for i := range pending {
		if h := &pending[i]; !words[h.alt] && h.canComplete(ev) {
			words[h.alt] = true
		}
	}
}

// canComplete: some pattern h can start has every later part in its
// field.
func (h *pendingHead) canComplete(ev completion) bool {
	for _, later := range h.later {
		if h.pt.completes(h.field, later, ev) {
			return true
		}
	}
	return false
}

// laterOf are the later parts of each pattern head can start, in the
// order of their ids.
func (pt *patternTable) laterOf(head string) [][]patternPart {
	var out [][]patternPart
	for _, id := range pt.heads[head] {
		out = append(out, pt.partsOf(pt.later[id]))
	}
	return out
}

func (pt *patternTable) completes(field string, later []patternPart, ev completion) bool {
	for _, part := range later {
		var there bool
		switch {
		case part.isUnit:
			there = ev.hasUnit(field, part.unit)
		case part.isSuffix:
			there = ev.hasSuffix(field, part.suffixes)
		default:
			there = ev.tableClasses(field, pt)&part.class != 0
		}
		if !there {
			return false
		}
	}
	return true
}

// hasUnit: some figure of the field has the unit ("" for a bare figure).
func (ev *patternEvidence) hasUnit(field, unit string) bool {
	if ev.units == nil {
		ev.units = map[string]map[string]bool{}
		for _, n := range ev.numbers() {
			if ev.units[n.Field] == nil {
				ev.units[n.Field] = map[string]bool{}
			}
			ev.units[n.Field][n.Unit] = true
		}
	}
	return ev.units[field][unit]
}

// hasSuffix: one of the suffixes is in the field's tokens, read as one
// text (a run that ends with it is a stretch of that text).
func (ev *patternEvidence) hasSuffix(field string, suffixes []string) bool {
	if ev.text == nil {
		ev.text = make(map[string]string, len(ev.fields))
	}
	text, ok := ev.text[field]
	if !ok {
		var b strings.Builder
		for _, tok := range ev.fields[field].Tokens {
			b.WriteString(tok.T)
		}
		text = b.String()
		ev.text[field] = text
	}
	for _, s := range suffixes {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// tableClasses are the class bits of the words of pt's pattern_words
// that some run of 1 to maxLexiconRun tokens of the field spells (the runs
// lexiconFacts finds).
func (ev *patternEvidence) tableClasses(field string, pt *patternTable) uint64 {
	at := fieldTable{field, pt.index}
	if cls, ok := ev.classes[at]; ok {
		return cls
	}
	var cls uint64
	var buf [64]byte
	key := buf[:0] // looked up as string(key), which does not allocate
	if f, ok := ev.fields[field]; ok {
		for i := range f.Tokens {
			key = key[:0]
			for n := 0; n < maxLexiconRun && i+n < len(f.Tokens); n++ {
				key = append(key, f.Tokens[i+n].T...)
				cls |= pt.wordBits[string(key)]
				if !pt.wordStems.extends(key) {
					break // no pattern word goes on so (most tokens start none)
				}
			}
		}
	}
	ev.classes[at] = cls
	return cls
}
