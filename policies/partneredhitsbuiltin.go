package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.partnered_hits(lexicon, table, name, listing, skip) are the hits
// of a rule of words and patterns (ad-pressure's hits: xiaoer.longest of
// its candidates) on the engine's documents: the hits of the found list's
// words (xiaoer.matches of found[name].words) and of its patterns
// (xiaoer.found_pattern_hits), those that partnered keeps (no needs, or
// xiaoer.in_context holds), the longest of those that overlap. table is
// data.tables[name]; lexicon and listing are input.listing's.
//
// In Rego the candidates took the reads and calls of matches and
// found_pattern_hits, a set built of their union and a call of partnered
// for every hit, then the call of xiaoer.longest: here they are one step.
//
// It is undefined where the Rego may answer another way: outside the
// engine's evaluations, a document without the engine's found list, a
// table without words, and a hit whose partner context
// xiaoer.in_context leaves to the Rego.
var partneredHitsBuiltin = &ast.Builtin{
	Name:        "xiaoer.partnered_hits",
	Description: "A word and pattern rule's hits, partnered and longest (see hits in rules/ad_pressure/ad_pressure.rego); undefined outside the engine's evaluations.",
	Decl: types.NewFunction(
		types.Args(
			types.Named("lexicon", types.A).Description("input.listing.lexicon"),
			types.Named("table", types.A).Description("data.tables.<name>"),
			types.Named("name", types.S).Description("the table's name"),
			types.Named("listing", types.A).Description("input.listing"),
			types.Named("skip", types.A).Description("the skipped fields"),
		),
		types.Named("hits", types.NewSet(types.A)),
	),
}

func partneredHits(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	lex, table, name, listing, skip := operands[0], operands[1], operands[2], operands[3], operands[4]
	words := get(table, lexWords)
	if !withExposures(bctx) || !truthy(get(lex, keyFound)) || words == nil {
		return nil
	}
	found := get(get(lex, keyFound), name)
	if found == nil {
		return iter(ast.SetTerm()) // the first candidates body fails at found
	}
	kept, unknown, err := partneredCandidates(bctx, found, words, table, listing, skip, lex, name)
	if unknown || err != nil {
		return err
	}
	hits, err := longestIn(kept.hits)
	if err != nil {
		return err
	}
	return iter(ast.NewTerm(hits))
}

// hitList is a list of distinct hits, in the order they were added. The
// candidates are kept so, not in a set: walking a set sorts it first,
// which compares hit objects key by key (about 4k instructions a walk of
// an export row's candidates). Its set only answers whether a hit is in
// it.
type hitList struct {
	seen ast.Set
	hits []*ast.Term
}

func newHitList() *hitList { return &hitList{seen: ast.NewSet()} }

// add adds t unless the list has it.
func (l *hitList) add(t *ast.Term) {
	if !l.seen.Contains(t) {
		l.seen.Add(t)
		l.hits = append(l.hits, t)
	}
}

// longestIn is xiaoer.longest of distinct hits given as a list, not a set
// it would sort: fewer than two come back as they are.
func longestIn(hits []*ast.Term) (ast.Set, error) {
	if len(hits) < 2 {
		return ast.NewSet(hits...), nil
	}
	return longestKept(hits)
}

// partneredOf adds to kept the candidates that partnered keeps; unknown
// where xiaoer.in_context leaves one to the Rego.
func partneredOf(bctx topdown.BuiltinContext, candidates []*ast.Term, kept *hitList, lex, name, contexts, fields *ast.Term) (unknown bool) {
	for _, c := range candidates {
		switch partnerAnswerOf(bctx, lex, name, c, contexts, fields) {
		case partnerUnknown:
			return true
		case partnerHolds:
			kept.add(c)
		}
	}
	return false
}

// partneredCandidates are the candidates that partnered keeps (the hits
// of found's words and of its patterns); unknown where xiaoer.in_context
// leaves one to the Rego. A pattern hit that a kept word hit spans
// exactly is never built: longest drops it for the word (same length and
// start, and a word ranks over a pattern), and every hit it outranks the
// word outranks too, so leaving it out changes no hit. Most export rows
// have one (随时涨价, a word and the pattern soon_rise).
func partneredCandidates(bctx topdown.BuiltinContext, found, words, table, listing, skip, lex, name *ast.Term) (kept *hitList, unknown bool, err error) {
	// The patterns' operands are read first, so their type errors come
	// first, as when the word hits followed the pattern hits.
	sc, heads, err := patternScan(foundPatternOperands([]*ast.Term{found, table, listing, skip}))
	if err != nil {
		return nil, false, err
	}
	fields, contexts := get(listing, keyFields), get(table, keyContexts)
	wordHits, err := wordCandidates(found, words, fields, skip)
	if err != nil {
		return nil, false, err
	}
	kept = newHitList()
	if partneredOf(bctx, wordHits.hits, kept, lex, name, contexts, fields) {
		return nil, true, nil
	}
	sc.shadowed = func(field, s, e *ast.Term) bool { return spannedByWord(kept.hits, field, s, e) }
	patterns := sc.hitSet(heads, skip).Slice() // few: most are shadowed
	return kept, partneredOf(bctx, patterns, kept, lex, name, contexts, fields), nil
}

// wordCandidates are the hits of found's words (xiaoer.matches).
func wordCandidates(found, words, fields, skip *ast.Term) (*hitList, error) {
	runs, err := elements(or(get(found, lexWords), ast.InternedEmptyArray), 1)
	if err != nil {
		return nil, err
	}
	hits, m := newHitList(), runMatcher{lexicon: words, fields: fields, skip: skip}
	for _, run := range runs {
		hit, err := m.of(run)
		if err != nil {
			return nil, err
		}
		if hit != nil {
			hits.add(hit)
		}
	}
	return hits, nil
}

// spannedByWord: some word hit of hits (no entry.pattern, as longest
// reads it) has field, s and e equal to those given.
func spannedByWord(hits []*ast.Term, field, s, e *ast.Term) bool {
	for _, c := range hits {
		pattern := get(get(c, keyEntry), keyPattern)
		word := pattern == nil || pattern.Equal(ast.InternedTerm(false))
		if word && sameSpan(c, field, s, e) {
			return true
		}
	}
	return false
}
