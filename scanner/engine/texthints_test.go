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
			want := hasPromise(full.promiseFacts(), alt.promises)
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

// The need words the text stage notes from the trie's characters
// (notePromiseWords) are those facts.PromiseWordsIn reads from each text,
// over the fixtures and the corpus titles.
func TestNotedPromiseWordsAreTheTexts(t *testing.T) {
	t.Parallel()
	g := checker(t).Engine.gate
	noted, held := 0, 0
	for _, l := range append(stemListings(t), &listings.Listing{Title: "包 邮 顺丰\u3000包邮 假一赔十"}) {
		if !g.textGated(l) {
			continue
		}
		w := g.work(l)
		g.textRulesOut(w, l)
		noted += len(w.hints.noted)
		var want facts.PromiseWords
		for _, norm := range w.hints.norms {
			want |= facts.PromiseWordsIn(norm)
		}
		if got := w.hints.promiseWordsIn(); got != want {
			t.Errorf("%s %s: need words %b, read from the texts %b", l.Source, l.ID, got, want)
		}
		if want != 0 {
			held++
		}
		g.done(w)
	}
	if noted < 1000 || held < 100 {
		t.Errorf("%d texts noted, %d listings with need words: want more of both", noted, held)
	}
}
