package engine

import "strings"

// textEvidence is what a listing's text holds for the later parts of
// patterns, before it has tokens (prefilter.mark fills it): the classes of
// the pattern words that are stretches of the text, and the texts for the
// suffixes. Every run of tokens is such a stretch, so it holds at least
// what the tokens will: a head it cannot complete, the tokens cannot
// either.
type textEvidence struct {
	texts   []string                   // each field's text, folded and without whitespace
	classes map[string]map[string]bool // by table
}

func (ev *textEvidence) add(table string, classes []string) {
	if ev.classes == nil {
		ev.classes = map[string]map[string]bool{}
	}
	if ev.classes[table] == nil {
		ev.classes[table] = map[string]bool{}
	}
	for _, c := range classes {
		ev.classes[table][c] = true
	}
}

// hasUnit: figures are read from the tokens, so any unit may be there.
func (ev *textEvidence) hasUnit(string) bool { return true }

func (ev *textEvidence) hasSuffix(suffixes []string) bool {
	for _, s := range suffixes {
		for _, text := range ev.texts {
			if strings.Contains(text, withoutSpace(s)) {
				return true
			}
		}
	}
	return false
}

func (ev *textEvidence) tableClasses(table string, _ *patternTable) map[string]bool {
	return ev.classes[table]
}
