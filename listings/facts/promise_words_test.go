package facts

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// Each matcher gives only the kinds it declares, and gives a promise only
// in a sentence that holds one of its need words (so the need words leave
// out nothing it would take), run alone on every sentence
// (alone, no earlier matcher claims its words: it gives at least what it
// gives among the others), over the promise cases, the fixtures' copy
// and, when the corpus is there, every real title.
func TestMatchersGiveTheKindsTheyDeclare(t *testing.T) {
	t.Parallel()
	given := map[string]int{}
	for _, text := range promiseTexts(t) {
		norm, _ := normalizeWithOrigin(text)
		pt, need := &promiseText{norm: norm}, findNeedWords(norm)
		for _, sent := range Sentences(norm) {
			for _, pm := range promiseMatchers {
				for _, loc := range pm.re.FindAllStringSubmatchIndex(norm[sent.S:sent.E], -1) {
					p, ok := pm.build(promiseMatch{t: pt, loc: shiftLoc(loc, sent.S)})
					if ok && !need.holdsAny(pm.need, sent.S, sent.E) {
						t.Errorf("%q: a matcher of %v takes %q without its need words %v", text, pm.kinds, norm[loc[0]:loc[1]], pm.need)
					}
					if ok && p.Kind != "" && !slices.Contains(pm.kinds, p.Kind) {
						t.Errorf("%q: a matcher of %v gave %s", text, pm.kinds, p.Kind)
					}
					given[p.Kind]++
				}
			}
		}
	}
	if len(given) < 15 {
		t.Errorf("%d kinds given: want nearly every kind, or this proves little (%v)", len(given), given)
	}
}

// Every promise of a kind stands in a text where a matcher of that kind
// may match (PromiseMatchersOf, PromiseMatchersIn: what the gate reads),
// and a text can hold need words of other kinds alone.
func TestPromiseMatchersOfAKindCoverItsPromises(t *testing.T) {
	t.Parallel()
	found := 0
	for _, text := range promiseTexts(t) {
		norm := Normalize(text)
		in := PromiseWordsIn(norm)
		if MayPromise(norm) != (in != 0) {
			t.Errorf("%q: MayPromise %v, need words %b", text, MayPromise(norm), in)
		}
		may := PromiseMatchersIn(norm, in)
		for _, p := range Promises(nil, map[string]Field{FieldDescription: {Text: text}}) {
			found++
			if may&PromiseMatchersOf([]string{p.Kind}) == 0 {
				t.Errorf("%q: a promise %s, but no matcher of its kind may match", text, p.Kind)
			}
		}
	}
	if found < 100 {
		t.Errorf("%d promises found: want more, or this proves little", found)
	}
	for text, kinds := range map[string][]string{
		"全国包邮 纯棉T恤":   {KindGuaranteeGenuine, KindGuaranteeMultiplier, KindInvoiceRefused, KindReturnsRefused, KindReturns7Day},
		"现货 羊绒围巾":     {KindGuaranteeGenuine, KindPostageBuyerPays, KindShipWithinHours},
		"官方正品 假一赔十 鞋": {KindPostageBuyerPays, KindPresale, KindInvoiceSurcharge},
	} {
		norm := Normalize(text)
		in := PromiseWordsIn(norm)
		if may := PromiseMatchersIn(norm, in); in == 0 || may&PromiseMatchersOf(kinds) != 0 {
			t.Errorf("%q: need words %b, matchers %b, of %v %b: want some words, no matcher of those kinds", text, in, may, kinds, PromiseMatchersOf(kinds))
		}
	}
}

// promiseTexts are the promise cases, the fixtures' field texts and the
// corpus titles when the corpus is there.
func promiseTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	for _, c := range promiseCases {
		texts = append(texts, c.text)
	}
	for _, l := range fixtureListings(t) {
		for _, ft := range FieldTexts(l) {
			texts = append(texts, ft.Text)
		}
	}
	if dir, err := testcorpus.Find(); err != nil {
		t.Fatal(err)
	} else if dir == "" {
		labelled, err := testcorpus.LabelledTexts()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("no corpus: the labelled cases' %d texts stand in for its titles", len(labelled))
		texts = append(texts, labelled...)
	} else {
		raw, err := os.ReadFile(filepath.Join(dir, "titles", "taobao_titles_train.txt"))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(raw), "\n")...)
	}
	return texts
}

// fixtureListings are the listings of every fixture file that parses as
// listings (orders, exports of other kinds and policies do not).
func fixtureListings(t *testing.T) []*listings.Listing {
	t.Helper()
	var ls []*listings.Listing
	paths, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "*", "*.*"))
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if parsed, err := listings.Parse(p, raw); err == nil {
			ls = append(ls, parsed...)
		}
	}
	return ls
}

// PromiseWordsIn, which looks the need words up by their first rune
// (needIndex), finds every need word a text holds, as strings.Contains
// does: in the promise tests' texts (fixtures, corpus titles) and in each
// need word on its own, after a character beyond the plane.
func TestPromiseWordsInFindsEveryNeedWord(t *testing.T) {
	t.Parallel()
	texts := promiseTexts(t)
	for w := range needBits() {
		texts = append(texts, w, "𠀀"+w+"。")
	}
	held := 0
	for _, text := range texts {
		norm := Normalize(text)
		var want PromiseWords
		for w, bit := range needBits() {
			if strings.Contains(norm, w) {
				want |= bit
			}
		}
		if got := PromiseWordsIn(norm); got != want {
			t.Errorf("%q: PromiseWordsIn %b, strings.Contains %b", text, got, want)
		}
		if want != 0 {
			held++
		}
	}
	if held < len(needBits()) {
		t.Errorf("%d texts hold a need word: want at least one a word, or this proves little", held)
	}
}

// No need word starts with whitespace or NUL (PromiseStarts: a reader of
// a text's characters that leaves those out finds every need word).
func TestNoNeedWordStartsWithSpace(t *testing.T) {
	t.Parallel()
	for w := range needBits() {
		if r, _ := utf8.DecodeRuneInString(w); r == 0 || unicode.IsSpace(r) {
			t.Errorf("need word %q starts with whitespace or NUL", w)
		}
	}
}
