package engine

import "strings"

// textEvidence is what a listing's text holds for the later parts of
// patterns, before it has tokens (prefilter.mark fills it): the classes
// of the pattern words that are stretches of the text, and the texts for
// the suffixes. Every run of tokens is such a stretch, so it holds at
// least what the tokens will: a head it cannot complete, the tokens
// cannot either.
type textEvidence struct {
	texts []string   // each field's text, folded (whitespace kept)
	hints *textHints // the listing's, for the units its figures may have
	// classes are the class bits of the pattern words found, by table
	// (patternTable.index): a word's are added as it is found, a bitwise or.
	classes []uint64
}

// reset clears ev for the texts of another listing, keeping its lists.
func (ev *textEvidence) reset(hints *textHints) {
	clear(ev.texts)
	clear(ev.classes)
	ev.texts, ev.hints = ev.texts[:0], hints
}

func (ev *textEvidence) add(tw *gateWord) {
	for _, c := range tw.classes {
		for len(ev.classes) <= c.table {
			ev.classes = append(ev.classes, 0)
		}
		ev.classes[c.table] |= c.bits
	}
}

// hasUnit: some figure may have the unit (textHints.mayHaveUnit). The
// text stage reads every field for a head's (its heads have none).
func (ev *textEvidence) hasUnit(_, unit string) bool { return ev.hints.mayHaveUnit(unit) }

// writtenAfterFigure: one of the normalised texts may hold a figure with
// the unit, as far as the unit's place tells. facts.Numbers reads a
// figure's unit as written right after it in the normalised text, so the
// unit must be written after the first character that can start a
// figure; 百分之 and 百分百 give the unit % unwritten, and a bare figure
// ("") needs its figures read to tell. fromFigure are the texts from that
// character (textHints.textsFromFigure).
func writtenAfterFigure(fromFigure []string, unit string) bool {
	if unit == "" {
		return true
	}
	for _, from := range fromFigure {
		if strings.Contains(from, unit) || unit == "%" && strings.Contains(from, "百分") {
			return true
		}
	}
	return false
}

// hasSuffix: a suffix is a stretch of some text read without whitespace,
// as a run of tokens is (the texts are kept as read: few titles ask).
func (ev *textEvidence) hasSuffix(_ string, suffixes []string) bool {
	for _, text := range ev.texts {
		text = withoutSpace(text)
		for _, s := range suffixes {
			if strings.Contains(text, withoutSpace(s)) {
				return true
			}
		}
	}
	return false
}

// tableClasses are the class bits of pt's pattern words found.
func (ev *textEvidence) tableClasses(_ string, pt *patternTable) uint64 {
	if pt.index < len(ev.classes) {
		return ev.classes[pt.index]
	}
	return 0
}
