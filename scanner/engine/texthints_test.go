package engine

import (
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// mayPromise, which reads the need words of an alternative's kinds before
// it extracts anything, answers as extracting the promises would, for
// every alternative that names promises, over the fixtures and the corpus
// titles; and a title whose promise words lead to no kind a rule needs
// (包邮, 现货), or whose shipping word comes with no window (发热), has
// nothing extracted.
func TestMayPromiseAnswersAsTheExtractedPromises(t *testing.T) {
	t.Parallel()
	g := checker(t).Engine.gate
	asked, held := 0, 0
	for _, l := range stemListings(t) {
		h, full := newTextHints(l, g), newTextHints(l, g)
		for a := range g.alts {
			alt := &g.alts[a]
			if len(alt.promises) == 0 {
				continue
			}
			asked++
			want := alt.hasPromise(full.promiseFacts().Promises)
			if got := h.mayPromise(alt); got != want {
				t.Errorf("%s %s, promises %v: mayPromise %v, extracted %v", l.Source, l.ID, alt.promises, got, want)
			}
			if want {
				held++
			}
		}
	}
	if asked < 1000 || held == 0 {
		t.Errorf("%d asked, %d with a promise of the kinds: want more of both", asked, held)
	}
	for _, title := range []string{"全国包邮 苹果数据线", "现货 羊绒围巾女", "发热内衣 加厚保暖 2件"} {
		h := newTextHints(&listings.Listing{Title: title}, g)
		for a := range g.alts {
			if g.alts[a].promises != nil && h.mayPromise(&g.alts[a]) {
				t.Errorf("%s: may hold promises %v", title, g.alts[a].promises)
			}
		}
		if !h.may(hintPromises) || h.promises != nil {
			t.Errorf("%s: promise words %v, extracted %v: want words, nothing extracted", title, h.may(hintPromises), h.promises)
		}
	}
}

// newTextHints are the hints of l, as g's pooled work resets them.
func newTextHints(l *listings.Listing, g *gate) *textHints {
	h := &textHints{}
	h.reset(l, g.masked, g.promiseMatchers)
	return h
}

// What the text stage notes of a text from the trie's characters
// (noteText) is what reading the text gives: the need words of
// facts.PromiseWordsIn and the masked brands of maskedBrands.mayHold,
// over the fixtures and the corpus titles.
func TestNotedTextsReadAsTheTexts(t *testing.T) {
	t.Parallel()
	g := checker(t).Engine.gate
	extra := []*listings.Listing{{Title: "包 邮 顺丰\u3000包邮 假一赔十"}, {Title: "香*儿 香水 正品"}, {Title: "g*cci 包包", Description: "l/v 老花"},
		{Title: "*奈儿 口红"}, {Title: "迪 奥 999"}, {Title: "新款 手提包", Description: "香*儿 同款"}}
	noted, words, masked := 0, 0, 0
	var buf trieText
	for _, l := range append(stemListings(t), extra...) {
		if !g.textGated(l) {
			continue
		}
		w := g.work(l)
		g.textRulesOut(w, l)
		noted += len(w.hints.noted)
		var want facts.PromiseWords
		wantMasked := false
		for _, norm := range w.hints.norms {
			want |= facts.PromiseWordsIn(norm)
			wantMasked = wantMasked || g.masked.mayHold(norm, &buf)
		}
		if got := w.hints.promiseWordsIn(); got != want {
			t.Errorf("%s %s: need words %b, read from the texts %b", l.Source, l.ID, got, want)
		}
		if got := w.hints.may(hintMasked); got != wantMasked {
			t.Errorf("%s %s %q: may hold a masked brand %v, read from the texts %v", l.Source, l.ID, l.Title, got, wantMasked)
		}
		if want != 0 {
			words++
		}
		if wantMasked {
			masked++
		}
		g.done(w)
	}
	if noted < 1000 || words < 100 || masked < 5 { // the corpus titles hold few masked brands
		t.Errorf("%d texts noted, %d listings with need words, %d with masked brands: want more", noted, words, masked)
	}
}

// Dodges.MayCut, reading a text's runes, reports a cut wherever CutText's
// own tests (a joiner, a splitter, a fold) may find one, so a text it
// passes is not cut: over the fixtures and corpus titles, and texts with
// each kind of sign, a letter beside a Chinese character or a broken
// byte, and a zero after a letter.
func TestMayCutWhereCutTextMayCut(t *testing.T) {
	t.Parallel()
	d := checker(t).Engine.gate.dodges
	texts := []string{"t恤", "iphone手机", "手机x", "a\xe4\xb8", "\xe4a", "销·量第一", "第*一", "最~好", "中-英", "1.5米", "a0", "o0o", "①②", "壹贰", "纯棉 短袖"}
	for _, l := range stemListings(t) {
		for _, ft := range facts.FieldTexts(l) {
			texts = append(texts, ft.Text)
		}
	}
	var tt trieText
	passed, cut := 0, 0
	for _, text := range texts {
		norm := facts.Normalize(text)
		tt.read(norm)
		got := d.MayCut(tt.runes)
		if (*facts.Dodges)(nil).MayCut(tt.runes) && !got {
			t.Errorf("%q: a joiner without dodges, none with them", text)
		}
		if c := d.CutText(norm); c != norm {
			cut++
			if !got {
				t.Errorf("%q: cut to %q, but MayCut is false", text, c)
			}
		}
		if !got {
			passed++
		}
	}
	if passed < len(texts)/2 || cut < 10 {
		t.Errorf("%d of %d texts passed, %d cut: want most passed and some cut", passed, len(texts), cut)
	}
}
