package facts

import "testing"

// Every rune of the plane that the hints step over reads as no first rune
// of a word and no Latin letter, and the runes they read on include
// traditional, full-width and upper-case forms of first runes.
func TestHintStartsLeaveOutOnlyRunesThatStartNothing(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		starts  *hintStarts
		lengths map[rune][]int
		read    string
	}{
		"fibre": {fibreStarts, fibreLexicon.lengths, "棉絲綿ｗWw羊"},
		"down":  {downStarts, downLexicon.lengths, "鴨鵝絨羽"},
	} {
		left := 0
		for r := rune(0); r <= 0xFFFF; r++ {
			f := foldMaterialRune(normalizeFast(r))
			if c.starts.readOn(r) {
				continue
			}
			left++
			if len(c.lengths[f]) > 0 || isLatinLower(f) {
				t.Errorf("%s: %q (read as %q) starts a word or is a Latin letter, but is stepped over", name, r, f)
			}
		}
		for _, r := range c.read {
			if !c.starts.readOn(r) {
				t.Errorf("%s: %q is stepped over", name, r)
			}
		}
		if left < 0xF000 {
			t.Errorf("%s: %d runes stepped over: want nearly the whole plane", name, left)
		}
	}
}
