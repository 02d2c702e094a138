package engine

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// Where a context holds (input.listing.lexicon.held), worked out in Go
// from the context words the listing has: the lexicon library asks
// in_context for every hit and every exemption its entry names (ad-absolute
// asks six or more per hit), and each answer walked the tokens around the
// hit or its whole sentence. The engine gives the answers instead, per
// table and context:
//
//	held[table][name].before[field]   = {i: a hit starting at token i has a before word}
//	held[table][name].after[field]    = {j: a hit ending before token j has an after word}
//	held[table][name].sentence[field] = {e: the sentence ending at byte e has a sentence word}
//
// with the same windows and clause marks as lib/lexicon.rego's
// before_match, after_match and sentence match (the sentence of a hit
// outside every sentence is the whole field, e = wholeField). Contexts
// marked restated stay with the library. Documents built by hand have no
// held and the library walks the tokens as before.
//
// Where held has no entry for a context, in_context answers false in one
// lookup; the library answers the conjunctions (all) and restated
// contexts itself, so held has an entry for each of those, empty when
// the listing has none of its words (libraryContexts).

// contextUse is one context whose list (before, after or sentence) holds
// a word.
type contextUse struct {
	table, name string
	where       string // "before", "after" or "sentence"
	window      int
	bit         uint64 // the table's (tableBits)
	// rank orders the uses by table, name and where (equal for the uses
	// of one list), and terms spell the three, made once: held is sorted
	// and built for every listing judged.
	rank  int
	terms *[3]*ast.Term
}

// contextUses maps a context word to the contexts that list it; nil
// when some context has a window below 1 or not a whole number (the
// library's token ranges then run backwards: no held is given at all).
type contextUses map[string][]contextUse

// defaultWindow is lib/lexicon.rego's window when a context names none.
const defaultWindow = 3

// wholeField is the end lib/lexicon.rego's sentence_at gives a hit that
// lies in no sentence: the sentence is then the whole field.
const wholeField = 1000000000

// isBoundary: token t closes a clause (boundaries in lib/lexicon.rego).
// A switch, not a map: held asks it of the tokens around every context
// run of a listing, and a map look-up cost several times as much.
func isBoundary(t string) bool {
	switch t {
	case ",", "。", ";", "!", "?", "、", "|":
		return true
	}
	return false
}

func newContextUses(data map[string]any, bits tableBits) contextUses {
	uses := contextUses{}
	for _, c := range tableContexts(data) {
		window, ok := windowOf(c.spec["window"])
		if !ok {
			return nil
		}
		for _, where := range []string{"before", "after", "sentence"} {
			words, _ := c.spec[where].(map[string]any)
			for w := range words {
				uses[w] = append(uses[w], contextUse{table: c.table, name: c.name, where: where, window: window, bit: bits[c.table]})
			}
		}
	}
	rankUses(uses)
	return uses
}

// rankUses gives each use the rank of its table, name and where among all
// the uses' lists, and the terms that spell them.
func rankUses(uses contextUses) {
	lists := map[[3]string]*[3]*ast.Term{}
	for _, us := range uses {
		for _, u := range us {
			lists[[3]string{u.table, u.name, u.where}] = nil
		}
	}
	keys := slices.SortedFunc(maps.Keys(lists), func(a, b [3]string) int { return slices.Compare(a[:], b[:]) })
	rank := make(map[[3]string]int, len(keys))
	for i, k := range keys {
		rank[k] = i
		lists[k] = &[3]*ast.Term{nameTerm(k[0]), nameTerm(k[1]), nameTerm(k[2])}
	}
	for _, us := range uses {
		for k := range us {
			key := [3]string{us[k].table, us[k].name, us[k].where}
			us[k].rank, us[k].terms = rank[key], lists[key]
		}
	}
}

// windowOf is a context's window (a JSON number), or the default, and
// whether it is a whole number of at least 1.
func windowOf(v any) (int, bool) {
	if v == nil {
		return defaultWindow, true
	}
	w, ok := wholeNumber(v)
	return w, ok && w >= 1
}

// wholeNumber is a number of the tables' data as an int, and whether it
// is a whole number (a JSON number, or a float or int of data built in Go).
func wholeNumber(v any) (int, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	case float64:
		return int(n), n == float64(int(n))
	case int:
		return n, true
	}
	return 0, false
}

// contextRun is a run of tokens that is a context word.
type contextRun struct {
	i, n int
	key  string
}

// heldAt is one position where a context holds: in field heldIn.fields
// [field], at token or byte at (small: a listing has hundreds).
type heldAt struct {
	use       *contextUse
	field, at int32
}

// heldIn collects held, field by field, the fields in name order.
type heldIn struct {
	at     []heldAt
	fields []*ast.Term // the fields' names
	share  bool        // a list's value is shared by the lists equal to it
	memo   *heldMemo   // and by those of other listings (nil: not)
	tables uint64      // the tables whose contexts are given (tableBits)
}

// field marks where each context of the runs holds in one field, the
// field named nameTerm.
func (h *heldIn) field(uses contextUses, nameTerm *ast.Term, f facts.Field, runs []contextRun) {
	toks, name := f.Tokens, int32(len(h.fields))
	h.fields = append(h.fields, nameTerm)
	for _, r := range runs {
		us := uses[r.key] // looked up once per run, not once per use
		for k := range us {
			u := &us[k]
			if u.bit&h.tables == 0 {
				continue
			}
			switch u.where {
			case "before":
				// A hit starting at i has r before it: i-window <= r.i,
				// r ends by i, no clause mark from r's end to i-1.
				last := min(r.i+u.window, nextBoundary(toks, r.i+r.n))
				for i := r.i + r.n; i <= last; i++ {
					h.at = append(h.at, heldAt{u, name, int32(i)})
				}
			case "after":
				// A hit ending before token j has r after it: j <= r.i <
				// j+window, no clause mark from j to r.i-1.
				first := max(r.i-u.window+1, prevBoundary(toks, r.i-1)+1, 0)
				for j := first; j <= r.i; j++ {
					h.at = append(h.at, heldAt{u, name, int32(j)})
				}
			case "sentence":
				h.sentences(u, name, f, r)
			}
		}
	}
}

// sentences marks the sentences of the field that hold run r (it starts
// in the sentence and ends by its end), and the whole field.
func (h *heldIn) sentences(u *contextUse, name int32, f facts.Field, r contextRun) {
	h.at = append(h.at, heldAt{u, name, wholeField})
	for _, sp := range f.Sentences {
		if *sp.First <= r.i && r.i < *sp.End && f.Tokens[r.i+r.n-1].E <= sp.E {
			h.at = append(h.at, heldAt{u, name, int32(sp.E)})
		}
	}
}

// nextBoundary is the index of the first clause mark at or after k, or
// len(toks).
func nextBoundary(toks []facts.Token, k int) int {
	for ; k < len(toks); k++ {
		if isBoundary(toks[k].T) {
			return k
		}
	}
	return len(toks)
}

// prevBoundary is the index of the last clause mark at or before k, or -1.
func prevBoundary(toks []facts.Token, k int) int {
	for ; k >= 0; k-- {
		if isBoundary(toks[k].T) {
			return k
		}
	}
	return -1
}

// heldKnown: every sentence of the fields carries its token indexes (the
// engine's do; held needs them).
func heldKnown(fields map[string]facts.Field) bool {
	for _, f := range fields {
		for _, sp := range f.Sentences {
			if sp.First == nil || sp.End == nil {
				return false
			}
		}
	}
	return true
}

// libraryContext is a context the library answers itself; bit is its
// table's (tableBits), and alone is the table's object in held when the
// listing has none of the table's context words: an empty entry for each
// of the library's contexts of the table, made once and shared.
type libraryContext struct {
	table, name string
	bit         uint64
	alone       *ast.Term
}

// libraryContexts are the contexts of the tables the library answers
// itself: those with an all or a restated (present and not false, as
// Rego reads them).
func libraryContexts(data map[string]any, bits tableBits) []libraryContext {
	var out []libraryContext
	for _, c := range tableContexts(data) {
		if truthy(c.spec, "all") || truthy(c.spec, "restated") {
			out = append(out, libraryContext{table: c.table, name: c.name, bit: bits[c.table]})
		}
	}
	for k := range out {
		out[k].alone = frozen(ast.ObjectTerm(withEntries(nil, out[k].table, out)...))
	}
	return out
}

// truthy: spec has key with a value other than false.
func truthy(spec map[string]any, key string) bool {
	v, ok := spec[key]
	return ok && v != false
}
