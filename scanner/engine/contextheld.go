package engine

import (
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strings"

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

// boundaryTokens close a clause (boundaries in lib/lexicon.rego).
var boundaryTokens = map[string]bool{",": true, "。": true, ";": true, "!": true, "?": true, "、": true, "|": true}

func newContextUses(data map[string]any) contextUses {
	uses := contextUses{}
	for _, c := range tableContexts(data) {
		window, ok := windowOf(c.spec["window"])
		if !ok {
			return nil
		}
		for _, where := range []string{"before", "after", "sentence"} {
			words, _ := c.spec[where].(map[string]any)
			for w := range words {
				uses[w] = append(uses[w], contextUse{table: c.table, name: c.name, where: where, window: window})
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
		lists[k] = &[3]*ast.Term{ast.StringTerm(k[0]), ast.StringTerm(k[1]), ast.StringTerm(k[2])}
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

// heldAt is one position where a context holds.
type heldAt struct {
	use       *contextUse
	field     string
	fieldTerm *ast.Term // field's, made once per field
	at        int
}

// heldIn collects held, field by field.
type heldIn struct{ at []heldAt }

// field marks where each context of the runs holds in one field.
func (h *heldIn) field(uses contextUses, nameTerm *ast.Term, f facts.Field, runs []contextRun) {
	toks, name := f.Tokens, string(nameTerm.Value.(ast.String))
	for _, r := range runs {
		for k := range uses[r.key] {
			u := &uses[r.key][k]
			switch u.where {
			case "before":
				// A hit starting at i has r before it: i-window <= r.i,
				// r ends by i, no clause mark from r's end to i-1.
				last := min(r.i+u.window, nextBoundary(toks, r.i+r.n))
				for i := r.i + r.n; i <= last; i++ {
					h.at = append(h.at, heldAt{u, name, nameTerm, i})
				}
			case "after":
				// A hit ending before token j has r after it: j <= r.i <
				// j+window, no clause mark from j to r.i-1.
				first := max(r.i-u.window+1, prevBoundary(toks, r.i-1)+1, 0)
				for j := first; j <= r.i; j++ {
					h.at = append(h.at, heldAt{u, name, nameTerm, j})
				}
			case "sentence":
				h.sentences(u, name, nameTerm, f, r)
			}
		}
	}
}

// sentences marks the sentences of the field that hold run r (it starts
// in the sentence and ends by its end), and the whole field.
func (h *heldIn) sentences(u *contextUse, name string, nameTerm *ast.Term, f facts.Field, r contextRun) {
	h.at = append(h.at, heldAt{u, name, nameTerm, wholeField})
	for _, sp := range f.Sentences {
		if *sp.First <= r.i && r.i < *sp.End && f.Tokens[r.i+r.n-1].E <= sp.E {
			h.at = append(h.at, heldAt{u, name, nameTerm, sp.E})
		}
	}
}

// nextBoundary is the index of the first clause mark at or after k, or
// len(toks).
func nextBoundary(toks []facts.Token, k int) int {
	for ; k < len(toks); k++ {
		if boundaryTokens[toks[k].T] {
			return k
		}
	}
	return len(toks)
}

// prevBoundary is the index of the last clause mark at or before k, or -1.
func prevBoundary(toks []facts.Token, k int) int {
	for ; k >= 0; k-- {
		if boundaryTokens[toks[k].T] {
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

// libraryContexts are the contexts of the tables the library answers
// itself, as [table, name]: those with an all or a restated (present and
// not false, as Rego reads them).
func libraryContexts(data map[string]any) [][2]string {
	var out [][2]string
	for _, c := range tableContexts(data) {
		if truthy(c.spec, "all") || truthy(c.spec, "restated") {
			out = append(out, [2]string{c.table, c.name})
		}
	}
	return out
}

// truthy: spec has key with a value other than false.
func truthy(spec map[string]any, key string) bool {
	v, ok := spec[key]
	return ok && v != false
}

// term is held as an object of objects, down to sets of positions:
// the positions sorted by table, context, list, field and position, each
// group one set; and an entry, empty if nothing else, for each of the
// library's own contexts. Its terms come from slab.
func (h *heldIn) term(library [][2]string, slab *termSlab) *ast.Term {
	slices.SortFunc(h.at, func(x, y heldAt) int {
		if c := cmp.Compare(x.use.rank, y.use.rank); c != 0 {
			return c
		}
		if c := strings.Compare(x.field, y.field); c != 0 {
			return c
		}
		return cmp.Compare(x.at, y.at)
	})
	h.at = slices.CompactFunc(h.at, func(x, y heldAt) bool { return x.use.rank == y.use.rank && x.field == y.field && x.at == y.at })
	// The groups below are copied by NewObject and NewSet, so each
	// slice is reused for the next group.
	var tables, names, wheres, fields [][2]*ast.Term
	var set []*ast.Term
	for k, x := range h.at {
		set = append(set, positionTerm(x.at))
		next := heldAt{use: &contextUse{}}
		if k+1 < len(h.at) {
			next = h.at[k+1]
		}
		sameTable := next.use.table == x.use.table
		sameName := sameTable && next.use.name == x.use.name
		sameWhere := sameName && next.use.where == x.use.where
		if sameWhere && next.field == x.field {
			continue
		}
		fields = append(fields, ast.Item(x.fieldTerm, slab.term(ast.NewSet(set...))))
		set = set[:0]
		if sameWhere {
			continue
		}
		wheres = append(wheres, ast.Item(x.use.terms[2], slab.object(fields...)))
		fields = fields[:0]
		if sameName {
			continue
		}
		names = append(names, ast.Item(x.use.terms[1], slab.object(wheres...)))
		wheres = wheres[:0]
		if sameTable {
			continue
		}
		tables = append(tables, ast.Item(x.use.terms[0], slab.object(names...)))
		names = names[:0]
	}
	return slab.object(withEntries(tables, library)...)
}

// wholeFieldTerm is made once: every sentence context of a listing holds
// there, and the number is above the ones OPA keeps made.
var wholeFieldTerm = ast.InternedTerm(wholeField)

// positionTerm is the term of a held position.
func positionTerm(at int) *ast.Term {
	if at == wholeField {
		return wholeFieldTerm
	}
	return ast.InternedTerm(at)
}

// withEntries are the tables of held with an entry (an empty object when
// there is none) for each [table, name]. The table objects are not in a
// parent yet, so inserting into them keeps their hashes right.
func withEntries(tables [][2]*ast.Term, entries [][2]string) [][2]*ast.Term {
	for _, e := range entries {
		table, name := ast.StringTerm(e[0]), ast.StringTerm(e[1])
		at := slices.IndexFunc(tables, func(it [2]*ast.Term) bool { return it[0].Equal(table) })
		if at < 0 {
			tables = append(tables, ast.Item(table, ast.ObjectTerm()))
			at = len(tables) - 1
		}
		if names := tables[at][1].Value.(ast.Object); names.Get(name) == nil {
			names.Insert(name, emptyEntry)
		}
	}
	return tables
}

// emptyEntry is the entry of a library context the listing has no word
// of, shared by every listing's held.
var emptyEntry = frozen(ast.ObjectTerm())
