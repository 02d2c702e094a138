package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.pattern_hits(heads, words, table, listing, boundaries, skip) is
// the set of hits pattern.hits (lib/pattern.rego) makes of the word-class
// patterns of table (data.tables.<table>: patterns, pattern_heads,
// pattern_words, pattern_suffixes): for each run of heads (the listing's
// pattern_heads runs) outside the skipped fields, each pattern it starts
// (the run's patterns, or those whose first part is a class of its word)
// and each way the pattern's later parts follow it in listing (words, its
// pattern_words runs; "~name" suffixes; "#unit" figures of
// listing.numbers), a hit shaped as a lexicon match. In Rego a call took
// a hundred steps and more (every pattern word tried for every part of
// every pattern of every head); here it is one.
//
// The Rego's reading is kept: a part follows within the pattern's gap
// (default 2) with no token of boundaries and no word of a blocking class
// in between; a run, head or figure lacking a field or an integer index
// is left out; skip names fields as `not skip[name]` read it. A pattern
// of other than two or three parts has no hits.
//
// It is registered with OPA with the others (builtins.go), so user
// policies may call it too.
var patternHitsBuiltin = &ast.Builtin{
	Name:        "xiaoer.pattern_hits",
	Description: "The word-class pattern hits of a listing (see pattern.hits in lib/pattern.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("heads", types.NewAny(types.NewSet(types.A), types.NewArray(nil, types.A))),
			types.Named("words", types.NewAny(types.NewSet(types.A), types.NewArray(nil, types.A))),
			types.Named("table", types.A),
			types.Named("listing", types.A),
			types.Named("boundaries", types.A),
			types.Named("skip", types.A),
		),
		types.Named("hits", types.NewSet(types.A)),
	),
}

var (
	keyPatterns    = key("patterns")
	keyParts       = key("parts")
	keyGap         = key("gap")
	keyBlock       = key("block")
	keyClasses     = key("classes")
	keyHeads       = key("pattern_heads")
	keyWords       = key("pattern_words")
	keySuffixLists = key("pattern_suffixes")
	keyFields      = key("fields")
	keyNumbers     = key("numbers")
)

func patternHits(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	hits, err := patternHitSet(operands, nil)
	if err != nil {
		return err
	}
	return iter(ast.NewTerm(hits))
}

// patternHitSet is patternHits' set for its operands, but for the hits
// whose span shadowed (where given) names: those are never built, as a
// caller that drops them would throw them away.
func patternHitSet(operands []*ast.Term, shadowed spanTest) (ast.Set, error) {
	sc, heads, err := patternScan(operands)
	if err != nil {
		return nil, err
	}
	sc.shadowed = shadowed
	return sc.hitSet(heads, operands[5]), nil
}

// patternScan is the scan of patternHitSet's operands (none shadowed)
// and their heads, or the operands' type error.
func patternScan(operands []*ast.Term) (scan, []*ast.Term, error) {
	heads, err := elements(operands[0], 1)
	if err != nil {
		return scan{}, nil, err
	}
	words, err := elements(operands[1], 2)
	if err != nil {
		return scan{}, nil, err
	}
	sc := scan{table: operands[2], listing: operands[3], boundaries: operands[4], words: runsOf(words),
		entries: map[ast.String]*ast.Term{}}
	return sc, heads, nil
}

// hitSet is the set of the hits of the patterns heads start.
func (sc scan) hitSet(heads []*ast.Term, skip *ast.Term) ast.Set {
	hits := ast.NewSet()
	for _, head := range heads {
		sc.fromHead(head, skip, hits)
	}
	return hits
}

// spanTest asks of a hit's field, s and e before the hit is built.
type spanTest func(field, s, e *ast.Term) bool

// scan is one call's table, listing and pattern words, and the spans
// whose hits are not wanted (none where shadowed is nil).
type scan struct {
	table, listing, boundaries *ast.Term
	words                      []run
	shadowed                   spanTest
	// entries are the hits' entries made in this call, by pattern id:
	// a pattern that hits twice gives both hits one entry.
	entries map[ast.String]*ast.Term
}

// run is a run of tokens {field, i, n} (with its key, for pattern words).
type run struct {
	field, key *ast.Term
	i, n       int
}

// runsOf are the runs among terms with a field and integer i and n.
func runsOf(terms []*ast.Term) []run {
	rs := make([]run, 0, len(terms))
	for _, t := range terms {
		if r, ok := runOf(t); ok {
			rs = append(rs, r)
		}
	}
	return rs
}

func runOf(t *ast.Term) (run, bool) {
	i, iok := intOf(or(get(t, keyI), ast.NullTerm()))
	n, nok := intOf(or(get(t, keyN), ast.NullTerm()))
	field := get(t, keyField)
	return run{field: field, key: get(t, keyKey), i: i, n: n}, iok && nok && field != nil
}

// fromHead adds to hits those of the patterns run head starts.
func (sc scan) fromHead(head, skip *ast.Term, hits ast.Set) {
	h, ok := runOf(head)
	if !ok || skipped(skip, h.field) {
		return
	}
	toks := get(get(get(sc.listing, keyFields), h.field), keyTokens)
	for _, id := range sc.starting(head, h.key) {
		p := get(get(sc.table, keyPatterns), id)
		if p == nil {
			continue
		}
		for end := range sc.tails(p, h) {
			if hit := sc.patternHit(toks, h, end-h.i, p, id); hit != nil {
				hits.Add(hit)
			}
		}
	}
}

// starting are the ids of the patterns head starts: its own list, or
// those whose first part is a class of its word.
func (sc scan) starting(head, key *ast.Term) []*ast.Term {
	if ids, ok := valueOf(get(head, keyPatterns)).(*ast.Array); ok {
		return terms(ids)
	}
	classes := get(get(get(sc.table, keyHeads), key), keyClasses)
	patterns, ok := valueOf(get(sc.table, keyPatterns)).(ast.Object)
	if classes == nil || !ok {
		return nil
	}
	var out []*ast.Term
	patterns.Foreach(func(id, p *ast.Term) {
		if first := get(get(p, keyParts), ast.InternedTerm(0)); first != nil && member(first, classes) {
			out = append(out, id)
		}
	})
	return out
}

// tails are the ends (the index after the last token) of the runs that
// close pattern p begun at run head.
func (sc scan) tails(p *ast.Term, head run) map[int]bool {
	parts, ok := valueOf(get(p, keyParts)).(*ast.Array)
	if !ok || parts.Len() < 2 || parts.Len() > 3 {
		return nil
	}
	ends := sc.nexts(p, head.field, head.i+head.n, parts.Elem(1))
	if parts.Len() == 2 {
		return ends
	}
	lasts := map[int]bool{}
	for mid := range ends {
		for end := range sc.nexts(p, head.field, mid, parts.Elem(2)) {
			lasts[end] = true
		}
	}
	return lasts
}

// patternHit is the hit of pattern id (p) over n tokens from run head, as
// pattern.hits shaped it, or nil where the Rego left it out or its span
// is shadowed.
func (sc scan) patternHit(toks *ast.Term, head run, n int, p, id *ast.Term) *ast.Term {
	arr, ok := valueOf(toks).(*ast.Array)
	obj, pok := p.Value.(ast.Object)
	if !ok || !pok {
		return nil
	}
	s, e := get(arr.Elem(head.i), keyS), get(arr.Elem(head.i+n-1), keyE)
	if s == nil || e == nil || sc.shadowed != nil && sc.shadowed(head.field, s, e) {
		return nil
	}
	key, err := joined(arr, head.i, n)
	if key == nil || err != nil {
		return nil
	}
	// The items go in their keys' order (see runMatcher.of).
	return ast.ObjectTerm(
		ast.Item(keyE, e), ast.Item(keyEntry, sc.entryOf(obj, id)), ast.Item(keyField, head.field),
		ast.Item(keyI, ast.IntNumberTerm(head.i)), ast.Item(keyKey, key), ast.Item(keyN, ast.IntNumberTerm(n)),
		ast.Item(keyS, s), ast.Item(keyWord, key),
	)
}

// entryOf is the entry of pattern id (p) as pattern.hits shaped it: p
// without its parts, gap and block, with its id. Made once a call for a
// string id.
func (sc scan) entryOf(p ast.Object, id *ast.Term) *ast.Term {
	name, isString := id.Value.(ast.String)
	if t := sc.entries[name]; isString && t != nil {
		return t
	}
	entry := ast.NewObject()
	p.Foreach(func(k, v *ast.Term) {
		if !k.Equal(keyParts) && !k.Equal(keyGap) && !k.Equal(keyBlock) {
			entry.Insert(k, v)
		}
	})
	entry.Insert(keyPattern, id)
	t := ast.NewTerm(entry)
	if isString && sc.entries != nil {
		sc.entries[name] = t
	}
	return t
}

// valueOf is t's value, nil for a nil term.
func valueOf(t *ast.Term) ast.Value {
	if t == nil {
		return nil
	}
	return t.Value
}
