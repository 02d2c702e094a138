package engine

import "github.com/xiaoer-dev/xiaoer/listings"

// unjudgedWork is what unjudged fills for one listing: the text hints,
// the marks of the text and of the tokens, the pattern evidence of the
// text, the characters of the text. Every listing of a title list goes through unjudged, and making
// these afresh for each was most of what the gate allocated (and the
// collector then swept): they are kept in a pool and cleared instead.
type unjudgedWork struct {
	hints        textHints
	text, tokens marks
	ev           textEvidence
	chars        trieText // the characters of the text the trie reads
}

// work is a cleared unjudgedWork for l (the pool is the gate's own: the
// marks are as long as its alternatives).
func (g *gate) work(l *listings.Listing) *unjudgedWork {
	w, _ := g.works.Get().(*unjudgedWork)
	if w == nil {
		w = &unjudgedWork{text: *g.newMarks(), tokens: *g.newMarks()}
	}
	w.hints.reset(l, g.masked, g.promiseMatchers)
	w.text.reset()
	w.tokens.reset()
	w.ev.reset(&w.hints)
	return w
}

// done gives w back, holding nothing of its listing's text.
func (g *gate) done(w *unjudgedWork) {
	w.hints.release()
	w.ev.reset(nil)
	g.works.Put(w)
}
