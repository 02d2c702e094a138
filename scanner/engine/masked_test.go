package engine

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// Brands are masked in any place: the first characters (*奈儿), the middle
// (香*儿), the last (爱马*, 蔻*), or split by spaces (迪 奥). A run of masks
// before the next word is no part of the hit, and a lone character with a
// space, or a brand's last character alone behind a mask, is no mask.
func TestMatchMaskedInAnyPlace(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text, brand, want string
	}{
		{"香*儿 外套", "香奈儿", "香*儿"},
		{"爱马* 丝巾", "爱马仕", "爱马*"},
		{"巴黎世* 老爹鞋", "巴黎世家", "巴黎世*"},
		{"蔻* 手提包", "蔻驰", "蔻*"},
		{"*奈儿 外套", "香奈儿", "*奈儿"},
		{"迪 奥 口红", "迪奥", "迪 奥"},
		{"g*cci 包", "gucci", "g*cci"},
		{"香x儿 外套", "香奈儿", "香x儿"},
		{"爱马x 丝巾", "爱马仕", "爱马x"},
		{"蔻 手提包", "蔻驰", ""},
		{"*驰 手提包", "蔻驰", ""},
		{"爱马 丝巾", "爱马仕", ""},
		{"香奈儿 外套", "香奈儿", ""},
		{"gucc1 腰包", "gucci", "gucc1"},
		{"d1or 口红", "dior", "d1or"},
		{"r0lex 手表", "rolex", "r0lex"},
		{"阿*迪 三条杠", "阿迪", "阿*迪"},
		{"pr4da 包", "prada", "pr4da"},
		{"gucci1 腰包", "gucci", ""},
		{"lv1 包", "lv", ""},
	}
	for _, c := range cases {
		text, brand := []rune(c.text), []rune(c.brand)
		got := ""
		for p := range text {
			match := matchMasked
			if isMaskRune(text[p]) && text[p] != ' ' {
				match = matchLeading
			} else if text[p] != brand[0] {
				continue
			}
			if q, ok := match(text, p, brand); ok {
				got = string(text[p:q])
				break
			}
		}
		if got != c.want {
			t.Errorf("%q as %s: matched %q, want %q", c.text, c.brand, got, c.want)
		}
	}
}

// Of two brands with one start, the longer is tried first: 阿*达斯 is
// 阿迪达斯 masked, not 阿迪 with 达斯 after it.
func TestScanPrefersTheLongerBrand(t *testing.T) {
	t.Parallel()
	mb := newMaskedBrands(map[string]any{"tables": map[string]any{"counterfeit": map[string]any{
		"masked_brands": map[string]any{"阿迪": true, "阿迪达斯": true},
	}}})
	var got []string
	mb.scan([]rune("阿*达斯 运动鞋"), func(int, int) bool { return true }, func(p, to int, brand []rune) bool {
		got = append(got, string(brand))
		return true
	})
	if len(got) != 1 || got[0] != "阿迪达斯" {
		t.Errorf("阿*达斯 matched %q, want [阿迪达斯]", got)
	}
}

// A brand of which one character is shown (蔻*) is found by the engine; the
// rule then wants faked goods beside it, so 万* 能 胶 stays silent.
func TestOneShownCharacterNeedsGoods(t *testing.T) {
	t.Parallel()
	j := checker(t)
	for title, want := range map[string]bool{
		"迪* 口红 正红色": true,
		"万* 能 胶":    false,
	} {
		found, _, err := j.CheckListing(t.Context(), &listings.Listing{ID: "1", Source: "t.txt", Title: title})
		if err != nil || (len(rulesOf(found)["counterfeit-wording"]) > 0) != want {
			t.Errorf("%s: findings %v, %v; want counterfeit-wording %v", title, rulesOf(found), err, want)
		}
	}
}

// A leading mask is tried only against the brands byShown gives for the
// character after it: every brand matchLeading matches behind a mask run
// is among them, over every brand with a run in front of each of its
// characters and the next one shown as itself, as an x, as a digit, or
// after a space.
func TestLeadingCandidatesHoldEveryLeadingMatch(t *testing.T) {
	t.Parallel()
	mb := checker(t).Engine.gate.masked
	digits := map[rune]string{'o': "0", 'i': "1", 'l': "1", 'e': "3", 'a': "4", 's': "5", 't': "7", 'b': "8"}
	matched := 0
	for _, brand := range mb.all {
		for k := 1; k < len(brand); k++ {
			shown := []string{string(brand[k]), "x", " " + string(brand[k]), digits[brand[k]]}
			for _, run := range []string{"*", "**", "*/", "-"} {
				for _, s := range shown {
					text := []rune("新款" + run + s + string(brand[k+1:]) + " 包")
					p := len([]rune("新款"))
					if _, ok := matchLeading(text, p, brand); !ok {
						continue
					}
					matched++
					if !slices.ContainsFunc(mb.leadingCandidates(text, p), func(c []rune) bool { return string(c) == string(brand) }) {
						t.Errorf("%q: %s matches behind the mask, not among the candidates", string(text), string(brand))
					}
				}
			}
		}
	}
	if matched < 100 {
		t.Errorf("%d leading matches: want more, or this proves little", matched)
	}
}

// The candidates after a first character or an initial leave out no brand
// matchMasked or matchInitial matches: scanning with them finds every hit scanning with all the
// brands of that character (or initial) finds, over the fixtures, the
// corpus titles and each brand written with every kind of character after
// its first or its initial.
func TestFirstCandidatesHoldEveryMaskedMatch(t *testing.T) {
	t.Parallel()
	mb := checker(t).Engine.gate.masked
	all := mb
	all.byPair, all.byInitialPair = nil, nil
	var texts []string
	for _, l := range stemListings(t) {
		for _, ft := range facts.FieldTexts(l) {
			texts = append(texts, facts.Normalize(ft.Text))
		}
	}
	for _, brand := range mb.all {
		rest := string(brand[1:])
		for _, shown := range []string{rest, "*" + string(brand[2:]), "x" + string(brand[2:]), "1" + string(brand[2:]), "0" + string(brand[2:]), " " + rest} {
			texts = append(texts, "新款"+string(brand[0])+shown+" 包", string(brand[0])+shown, string(brand[0]))
		}
		for _, c := range facts.Initials(brand[0]) {
			for _, shown := range []string{string(brand[1:]), "*" + string(brand[2:]), "x" + string(brand[2:]), " " + string(brand[1:]), "a" + string(brand[2:])} {
				texts = append(texts, "新款"+string(c)+shown+" 包", string(c)+shown, string(c))
			}
		}
	}
	hits := 0
	for _, text := range texts {
		got, want := scanHits(mb, text), scanHits(all, text)
		if !slices.Equal(got, want) {
			t.Errorf("%q: hits %v, with all the brands %v", text, got, want)
		}
		hits += len(want)
	}
	if hits < 100 {
		t.Errorf("%d hits: want more, or this proves little", hits)
	}
}

func scanHits(mb maskedBrands, text string) []string {
	var out []string
	mb.scan([]rune(text), func(int, int) bool { return true }, func(p, to int, brand []rune) bool {
		out = append(out, fmt.Sprint(p, to, string(brand)))
		return true
	})
	return out
}

// scan skips, without trying matchAt, only the characters at which
// matchAt finds nothing: every character of the plane outside starts, at
// the start of a text and behind a character of a brand, before a brand's
// rest written plainly, masked or by its initial.
func TestScanSkipsOnlyCharactersNoMatchStartsAt(t *testing.T) {
	t.Parallel()
	mb := checker(t).Engine.gate.masked
	always := func(int, int) bool { return true }
	skipped := 0
	for r := rune(0); r <= 0xFFFF; r++ {
		if mb.starts.MayHave(r) {
			continue
		}
		skipped++
		for _, c := range []struct{ before, after string }{{"", "*奈儿"}, {"", "奈儿"}, {"", "*儿"}, {"", "拉达"}, {"香", "*儿"}, {"", " 奈儿"}, {"", "ucci"}, {"", ""}} {
			text := append(append([]rune(c.before), r), []rune(c.after)...)
			p := len([]rune(c.before))
			if to, brand, ok := mb.matchAt(text, p, always); ok {
				t.Fatalf("%q: %U is skipped, but %s matches at it (to %d)", string(text), r, string(brand), to)
			}
		}
	}
	if skipped < 0x8000 {
		t.Errorf("%d characters skipped: want most of the plane", skipped)
	}
}

// scan skips the Latin characters behind another (insideLatinWord) and
// finds what trying matchAt at every character finds: over the fixtures,
// the corpus titles and every Latin brand written masked after a letter,
// a digit, a space and a Chinese character.
func TestScanSkipsNoBrandInsideLatinWords(t *testing.T) {
	t.Parallel()
	mb := checker(t).Engine.gate.masked
	var texts []string
	for _, l := range stemListings(t) {
		for _, ft := range facts.FieldTexts(l) {
			texts = append(texts, facts.Normalize(ft.Text))
		}
	}
	for _, brand := range mb.all {
		if !isLatin(brand[0]) {
			continue
		}
		for _, masked := range []string{string(brand[0]) + "*" + string(brand[2:]), "*" + string(brand[1:]), string(brand[:len(brand)-1]) + "1"} {
			for _, before := range []string{"a", "9", "a ", "包", ""} {
				texts = append(texts, before+masked+" 包", before+masked)
			}
		}
	}
	always := func(int, int) bool { return true }
	hits := 0
	for _, text := range texts {
		norm := []rune(text)
		var want []string
		for p := 0; p < len(norm); p++ {
			if to, brand, ok := mb.matchAt(norm, p, always); ok {
				want = append(want, fmt.Sprint(p, to, string(brand)))
				p = to - 1
			}
		}
		if got := scanHits(mb, text); !slices.Equal(got, want) {
			t.Errorf("%q: hits %v, trying every character %v", text, got, want)
		}
		hits += len(want)
	}
	if hits < 100 {
		t.Errorf("%d hits: want more, or this proves little", hits)
	}
}

// isASCIIAlnum is isLatin over the whole plane and beyond it.
func TestIsASCIIAlnumIsLatin(t *testing.T) {
	t.Parallel()
	for r := rune(-1); r <= 0x10FFFF+1; r++ {
		if isASCIIAlnum(r) != isLatin(r) {
			t.Fatalf("%U: isASCIIAlnum %v, isLatin %v", r, isASCIIAlnum(r), isLatin(r))
		}
	}
}

// Behind a leading mask and a space, the candidates (afterSpace) hold
// every brand matchLeading matches there: for every brand, a run of masks
// then spaces, further masks, an x, a digit written for a letter, before
// each of its later characters, and at every leading mask of the
// fixtures' and the corpus titles' texts.
func TestLeadingCandidatesHoldEveryMatchAfterASpace(t *testing.T) {
	t.Parallel()
	mb := checker(t).Engine.gate.masked
	digits := map[rune]string{'o': "0", 'i': "1", 'l': "1", 'e': "3", 'a': "4", 's': "5", 't': "7", 'b': "8"}
	var texts [][]rune
	for _, l := range stemListings(t) {
		for _, ft := range facts.FieldTexts(l) {
			texts = append(texts, []rune(facts.Normalize(ft.Text)))
		}
	}
	for _, brand := range mb.all {
		for k := 1; k < len(brand); k++ {
			for j := k; j < len(brand); j++ {
				rest := string(brand[j+1:])
				for _, run := range []string{"*", "**", "*/", "-", "*" + strings.Repeat("?", j-k)} {
					for _, gap := range []string{" ", "  ", " *", " x", " - ", "x "} {
						for _, shown := range []string{string(brand[j]), digits[brand[j]], "x"} {
							texts = append(texts, []rune("新款"+run+gap+shown+rest+" 包"), []rune(run+gap+shown+rest))
						}
					}
				}
			}
		}
	}
	matched := 0
	for _, text := range texts {
		for p := range text {
			if !isMaskRune(text[p]) || text[p] == ' ' || p > 0 && isMaskRune(text[p-1]) {
				continue // no leading mask starts here (matchAt)
			}
			candidates := mb.leadingCandidates(text, p)
			for _, brand := range mb.all {
				if _, ok := matchLeading(text, p, brand); !ok {
					continue
				}
				matched++
				if !slices.ContainsFunc(candidates, func(c []rune) bool { return string(c) == string(brand) }) {
					t.Errorf("%q at %d: %s matches behind the mask, not among the candidates", string(text), p, string(brand))
				}
			}
		}
	}
	if matched < 1000 {
		t.Errorf("%d leading matches: want more, or this proves little", matched)
	}
}
