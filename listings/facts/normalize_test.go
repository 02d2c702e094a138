package facts

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Normalize returns a text that needs no change as it is, and any other
// as every rune normalised, invalid bytes included; the bit sets in front
// of the traditional, look-alike and material fold maps answer as the
// maps, for every rune.
func TestNormalizeSkipsNothing(t *testing.T) {
	t.Parallel()
	runeByRune := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(normalizeRune(r))
		}
		return b.String()
	}
	var forms = map[rune]bool{}
	for _, fs := range lookalikes {
		for _, l := range fs {
			forms[l] = true
		}
	}
	for r := rune(0); r <= 0x10FFFF+1; r++ {
		s := "纯棉" + string(r) + "T恤"
		if got, want := Normalize(s), runeByRune(s); got != want {
			t.Fatalf("%U: Normalize %q, rune by rune %q", r, got, want)
		}
		if unchanged(r) && normalizeRune(r) != r || unchanged(r) && normalizeFast(r) != r {
			t.Fatalf("%U: unchanged, but normalised to %U", r, normalizeRune(r))
		}
		checkOrigin(t, s)
		_, folds := materialFold[r]
		if _, ok := traditional[r]; ok && !traditionalKeys.MayHave(r) || forms[r] && !lookalikeKeys.MayHave(r) || folds && !materialFoldKeys.MayHave(r) {
			t.Fatalf("%U: a key the bit set has not", r)
		}
	}
	for _, s := range []string{"", "纯棉t恤", "純棉T恤", "纯棉\xffT恤", "\xe4\xb8", "ａｂ　c", "纯\uFFFD棉"} {
		if got, want := Normalize(s), runeByRune(s); got != want {
			t.Errorf("%q: Normalize %q, rune by rune %q", s, got, want)
		}
		checkOrigin(t, s)
	}
}

// checkOrigin holds normalizeWithOrigin and newScanText, which read
// characters by hand, to ranging over s: the same normalised runes, each
// with the byte offset of the rune it came from.
func checkOrigin(t *testing.T, s string) {
	t.Helper()
	var norm strings.Builder
	var origin []int32
	var offs []int32
	var folded []rune
	for i, r := range s {
		n := normalizeRune(r)
		norm.WriteRune(n)
		for range utf8.RuneLen(n) {
			origin = append(origin, int32(i))
		}
		folded = append(folded, foldMaterialRune(n))
		offs = append(offs, int32(i))
	}
	origin, offs = append(origin, int32(len(s))), append(offs, int32(len(s)))
	if got, gotOrigin := normalizeWithOrigin(s); got != norm.String() || !slices.Equal(gotOrigin, origin) {
		t.Fatalf("%q: normalizeWithOrigin %q %v, rune by rune %q %v", s, got, gotOrigin, norm.String(), origin)
	}
	if got, want := AppendNormalRunes([]rune("前"), s), append([]rune("前"), []rune(norm.String())...); !slices.Equal(got, want) || len(got) != 1+utf8.RuneCountInString(s) {
		t.Fatalf("%q: AppendNormalRunes %q, Normalize's runes %q (%d runes in the text)", s, string(got), string(want), utf8.RuneCountInString(s))
	}
	if st := newScanText(s); !slices.Equal(st.runes, folded) || !slices.Equal(st.offs, offs) {
		t.Fatalf("%q: newScanText %q %v, rune by rune %q %v", s, string(st.runes), st.offs, string(folded), offs)
	}
}

// normalizeRune folds the Halfwidth and Fullwidth Forms from its table as
// width.Fold folds each rune (then as every other rune: traditional,
// lower case).
func TestHalfWidthTableFoldsAsWidth(t *testing.T) {
	t.Parallel()
	for r := rune(0xFF00); r <= 0xFFEF; r++ {
		want := r
		if folded := width.Fold.String(string(r)); utf8.RuneCountInString(folded) == 1 && folded != "\uFFFD" {
			want, _ = utf8.DecodeRuneInString(folded)
		}
		if s, ok := traditional[want]; ok {
			want = s
		}
		if want = toLowerASCII(want); normalizeRune(r) != want {
			t.Errorf("%U: normalizeRune %U, width.Fold %U", r, normalizeRune(r), want)
		}
	}
	if got := Normalize("ＮＯ．１ｎｉｋｅ　ｔｏｐ１０"); got != "no.1nike top10" {
		t.Errorf("Normalize = %q", got)
	}
}

// A field a Builder cut keeps its text normalised as normalOf gives it,
// and the figures and promises read that one (normalFieldsOf).
func TestCutFieldsKeepTheirNormalText(t *testing.T) {
	t.Parallel()
	b := &Builder{Tokenizer: runeTokenizer{}, Dodges: NewDodges(dodgeTestWords)}
	kept := 0
	for _, l := range fixtureListings(t) {
		fields := b.Fields(l)
		nf := normalFieldsOf(fields)
		if len(nf) != len(fields) || !slices.IsSortedFunc(nf, func(a, b normalField) int { return strings.Compare(a.name, b.name) }) {
			t.Fatalf("%s: normal fields %d, not the %d fields in name order", l.Source, len(nf), len(fields))
		}
		for _, n := range nf {
			name := n.name
			f, want := fields[name], normalOf(fields[name].Text)
			if f.normal.origin == nil {
				t.Fatalf("%s: field %s kept no normal text", l.Source, name)
			}
			if got := n.normal; got.norm != want.norm || !slices.Equal(got.origin, want.origin) {
				t.Errorf("%s: field %s normalised %q, want %q", l.Source, name, got.norm, want.norm)
			}
			kept++
		}
	}
	if kept < 20 {
		t.Errorf("%d fields: want the fixtures' fields", kept)
	}
	if got := (Field{Text: "ＡＢ　纯棉"}).normalized(); got.norm != normalOf("ＡＢ　纯棉").norm {
		t.Errorf("a field built by hand normalised %q", got.norm)
	}
}
