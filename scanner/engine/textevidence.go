package engine

import "strings"

// textEvidence is what a listing's text holds for the later parts of
// patterns, before it has tokens (prefilter.mark fills it): the pattern
// words that are stretches of the text, and the texts for the suffixes.
// Every run of tokens is such a stretch, so it holds at least what the
// tokens will: a head it cannot complete, the tokens cannot either.
type textEvidence struct {
	texts []string    // each field's text, folded (whitespace kept)
	hints *textHints  // the listing's, for the units its figures may have
	words []*gateWord // the pattern words found, whose classes are read only for a head
	// classes are the words' classes by table, each gathered when first
	// asked: heads are resolved once every field's text has been read.
	classes map[string]*classSet
	// gathered are the sets of classes gathered for this listing, the
	// only ones reset clears: every title is reset twice, and ranging over
	// every table's set cost more than most titles' heads.
	gathered []*classSet
}

// reset clears ev for the texts of another listing, keeping its lists.
func (ev *textEvidence) reset(hints *textHints) {
	clear(ev.texts)
	clear(ev.words)
	ev.texts, ev.words, ev.hints = ev.texts[:0], ev.words[:0], hints
	for _, cls := range ev.gathered {
		cls.gathered = false
		clear(cls.set)
	}
	ev.gathered = ev.gathered[:0]
}

func (ev *textEvidence) add(tw *gateWord) {
	if len(tw.classes) > 0 {
		ev.words = append(ev.words, tw)
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

// tableClasses gathers the classes of one table, the first time a head of
// it asks: most titles have a head of one table (包 of 包邮), and the
// words found hold classes of several. The sets are kept, cleared, for the
// next listing's (reset).
func (ev *textEvidence) tableClasses(_, table string, _ *patternTable) map[string]bool {
	cls := ev.classes[table]
	if cls != nil && cls.gathered {
		return cls.set
	}
	if cls == nil {
		if ev.classes == nil {
			ev.classes = map[string]*classSet{}
		}
		cls = &classSet{set: map[string]bool{}}
		ev.classes[table] = cls
	}
	for _, tw := range ev.words {
		for _, c := range tw.classes[table] {
			cls.set[c] = true
		}
	}
	cls.gathered = true
	ev.gathered = append(ev.gathered, cls)
	return cls.set
}

// classSet is the classes of one table's words found, once gathered.
type classSet struct {
	gathered bool
	set      map[string]bool
}
