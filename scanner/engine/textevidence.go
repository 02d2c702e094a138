package engine

import "strings"

// textEvidence is what a listing's text holds for the later parts of
// patterns, before it has tokens (prefilter.mark fills it): the pattern
// words that are stretches of the text, and the texts for the suffixes.
// Every run of tokens is such a stretch, so it holds at least what the
// tokens will: a head it cannot complete, the tokens cannot either.
type textEvidence struct {
	texts []string    // each field's text, folded and without whitespace
	norms []string    // each field's text normalised (facts.Normalize), where figures are read
	words []*gateWord // the pattern words found, whose classes are read only for a head
	// classes are the words' classes by table, each gathered when first
	// asked: heads are resolved once every field's text has been read.
	classes map[string]map[string]bool
}

func (ev *textEvidence) add(tw *gateWord) {
	if len(tw.classes) > 0 {
		ev.words = append(ev.words, tw)
	}
}

// hasUnit: some figure may have the unit (mayHaveUnit). The text stage
// reads every field for a head's (its heads have none).
func (ev *textEvidence) hasUnit(_, unit string) bool { return mayHaveUnit(ev.norms, unit) }

// mayHaveUnit: one of the normalised texts may hold a figure with the
// unit. facts.Numbers reads a figure's unit as written right after it in
// the normalised text, so the unit must be written after the first
// character that can start a figure; 百分之 and 百分百 give the unit %
// unwritten, and a bare figure ("") needs the tokens to tell.
func mayHaveUnit(norms []string, unit string) bool {
	if unit == "" {
		return true
	}
	for _, norm := range norms {
		from := norm[firstFigureChar(norm):]
		if strings.Contains(from, unit) || unit == "%" && strings.Contains(from, "百分") {
			return true
		}
	}
	return false
}

func (ev *textEvidence) hasSuffix(_ string, suffixes []string) bool {
	for _, s := range suffixes {
		for _, text := range ev.texts {
			if strings.Contains(text, withoutSpace(s)) {
				return true
			}
		}
	}
	return false
}

// tableClasses gathers the classes of one table, the first time a head of
// it asks: most titles have a head of one table (包 of 包邮), and the
// words found hold classes of several.
func (ev *textEvidence) tableClasses(_, table string, _ *patternTable) map[string]bool {
	if cls, ok := ev.classes[table]; ok {
		return cls
	}
	if ev.classes == nil {
		ev.classes = map[string]map[string]bool{}
	}
	var cls map[string]bool // nil where the words found hold none
	for _, tw := range ev.words {
		for _, c := range tw.classes[table] {
			if cls == nil {
				cls = map[string]bool{}
			}
			cls[c] = true
		}
	}
	ev.classes[table] = cls
	return cls
}
