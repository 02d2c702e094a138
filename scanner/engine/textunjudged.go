package engine

import "github.com/xiaoer-dev/xiaoer/listings"

// TextUnjudged is Unjudged's first stage alone: the text of l already
// rules out every rule, before any token. It needs no tokenizer, so it can
// run while gojieba's dictionaries load (scanner.Pregate). A true is
// Unjudged's true; a false says nothing.
func (e *Engine) TextUnjudged(l *listings.Listing) bool {
	return e.gate != nil && e.gate.textUnjudged(l)
}

func (g *gate) textUnjudged(l *listings.Listing) bool {
	if !g.textGated(l) {
		return false
	}
	w := g.work(l)
	defer g.done(w)
	return g.textRulesOut(w, l)
}
