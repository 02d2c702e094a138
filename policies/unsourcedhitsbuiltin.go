package policies

import (
	"strings"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.unsourced_hits(table, absolute_contexts, education,
// figure_entry, skip, input) is ad-unsourced-claim's hits (rules/ad_unsourced_claim/ad_unsourced_claim.rego):
// lexicon.longest(candidates | pattern_candidates), for the engine's
// documents, in one call. In Rego each candidate body took its own calls
// (the rate, count, worded-count and after-figure builtins, figure_hit,
// key_at, in_context) and steps per found word and figure: about 940k
// instructions a plain shop export row that reaches the rule (销量突破10万件，
// 好评率99%), where here it is one step. The Go of the builtins those bodies
// call is called here the same way; so is xiaoer.matches for the rule's
// found, lab_entry is made here, and so are the rule's figures (the
// listing's numbers outside the skipped field, xiaoer.outside's members):
// on a plain listing none of them is asked in Rego then (lexicon.matches'
// call, object.get and object.union; figures' object.get and outside,
// about 14k instructions a row that reaches the rule).
//
// It is undefined, leaving the listing to the Rego bodies, where the
// answer is not plain from input: no engine lists (found, held), a figure
// without token indexes (ti, tl), a found word that may yield to
// ad-medical-claim (its product is Rego's to judge), a run of the
// English "of" words, a pattern hit with allowed contexts, a context that
// xiaoer.in_context leaves to the Rego, or a builtin called here that is
// undefined.
var unsourcedHitsBuiltin = &ast.Builtin{
	Name:        "xiaoer.unsourced_hits",
	Description: "ad-unsourced-claim's hits of an engine document in one call (see rules/ad_unsourced_claim/ad_unsourced_claim.rego); undefined elsewhere.",
	Decl: types.NewFunction(
		types.Args(append(hitsArgs(), types.Named("input", types.A))...),
		types.Named("hits", types.A),
	),
}

// hitsArgs are xiaoer.unsourced_hits' operands before input, which
// xiaoer.plain_unsourced_findings passes it.
func hitsArgs() []types.Type {
	return []types.Type{
		types.Named("table", types.A).Description("data.tables.ad_unsourced_claim"),
		types.Named("absolute_contexts", types.A).Description("data.tables.ad_absolute.contexts"),
		types.Named("education", types.A).Description("data.tables.ad_education_guarantee"),
		types.Named("figure_entry", types.A),
		types.Named("skip", types.A),
	}
}

var (
	keyAdjacent     = key("adjacent_count")
	keyCountUnits   = key("count_units")
	keyMetricsAfter = key("metrics_after")
	keyCrowdWords   = key("crowd_words")
	keyUnits        = key("units")
	metricKind      = ast.StringTerm("metric")
	endorsement     = ast.StringTerm("endorsement")
	tableAbsolute   = ast.StringTerm("ad_absolute")
	tableEducation  = ast.StringTerm("ad_education_guarantee")
	ctxEducation    = ast.StringTerm("education")
	ctxOtherFamily  = ast.StringTerm("other_family")
	ctxPriceShare   = ast.StringTerm("price_share")
	bigCount        = ast.Number("1000")
	// yieldKeys mark the found words that may yield to ad-medical-claim.
	yieldKeys = []*ast.Term{ast.StringTerm("yield_to_medical"), ast.StringTerm("medical_person")}
)

func unsourcedHits(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	u, ok := newUnsourcedListing(bctx, operands)
	if !ok {
		return nil
	}
	cands, err := u.candidates()
	if err != nil {
		return nil
	}
	all, err := u.patternCandidates(cands)
	if err != nil {
		return nil
	}
	return longest(bctx, []*ast.Term{ast.NewTerm(all)}, iter)
}

// unsourcedListing is one call's operands, read.
type unsourcedListing struct {
	bctx                                           topdown.BuiltinContext
	found, figureTerm, table, skip, listing        *ast.Term
	fields, runs, figureEntry, labEntry, education *ast.Term
	figures                                        *ast.Array
	own, absolute, taught                          heldContexts
}

func newUnsourcedListing(bctx topdown.BuiltinContext, operands []*ast.Term) (*unsourcedListing, bool) {
	table, education, figureEntry, skip := operands[0], operands[2], operands[3], operands[4]
	listing := get(operands[5], keyListing)
	lex := get(listing, keyLexicon)
	figureTerm := ast.ArrayTerm(membersOutside(get(listing, keyNumbers), skippedFieldTerm)...)
	figures := figureTerm.Value.(*ast.Array)
	labEntry, okL := labEntryOf(figureEntry)
	if !okL || !truthy(get(lex, keyFound)) || !truthy(get(lex, keyHeld)) || !indexedFigures(figures) {
		return nil, false
	}
	fields := get(listing, keyFields)
	u := &unsourcedListing{
		bctx: bctx, figureTerm: figureTerm, table: table, skip: skip,
		listing: listing, fields: fields, runs: get(get(lex, keyFound), tableUnsourced),
		figureEntry: figureEntry, labEntry: labEntry, education: education, figures: figures,
		own:      newHeldContexts(lex, tableUnsourced, get(table, keyContexts), fields),
		absolute: newHeldContexts(lex, tableAbsolute, operands[1], fields),
		taught:   newHeldContexts(lex, tableEducation, get(education, keyContexts), fields),
	}
	found, err := u.called(matches, or(get(u.runs, lexWords), ast.InternedEmptyArray), get(table, lexWords), fields, skip)
	u.found = found
	return u, err == nil
}

// labEntryOf is lab_entry: object.union(figure_entry, {"needs": ["source"]}).
func labEntryOf(figureEntry *ast.Term) (*ast.Term, bool) {
	if last := lastLab.Load(); last != nil && last.figure == figureEntry {
		return last.lab, true
	}
	entry, ok := figureEntry.Value.(ast.Object)
	if !ok {
		return nil, false
	}
	lab := entry.Copy()
	lab.Insert(keyNeeds, ast.ArrayTerm(ast.StringTerm("source")))
	made := &labEntry{figure: figureEntry, lab: ast.NewTerm(lab)}
	lastLab.Store(made)
	return made.lab, true
}

// lastLab is the lab_entry made last, with the figure_entry it was made
// of. The rule's figure_entry is one constant term, the same in every
// evaluation, and copying it in every call made a tenth of the bytes
// xiaoer.unsourced_hits allocated; another figure_entry (a user's
// policy, a test) is copied afresh and kept in its place. The pair is
// swapped whole, so workers share it safely, and it keeps its
// figure_entry alive: no other term can take that address while it is
// kept. Terms are not changed once made, so hits of several listings
// may share the one lab_entry.
var lastLab atomic.Pointer[labEntry]

type labEntry struct{ figure, lab *ast.Term }

// indexedFigures: every figure has whole ti and tl of at least zero, which
// figure_first and figure_last then answer.
func indexedFigures(figures *ast.Array) bool {
	for k := range figures.Len() {
		ti, okI := intAt(figures.Elem(k), keyTi)
		tl, okL := intAt(figures.Elem(k), keyTL)
		if !okI || !okL || ti < 0 || tl < 0 {
			return false
		}
	}
	return true
}

// candidates is the rule's candidates: each body's hits, in one set.
func (u *unsourcedListing) candidates() (ast.Set, error) {
	out := ast.NewSet()
	for _, body := range []func(ast.Set) error{
		u.wordCandidates, u.crowdCandidates, u.rateCandidates, u.countCandidates,
		u.adjacentCandidates, u.wordedCandidates, u.afterCandidates, u.noEnglishOf,
	} {
		if err := body(out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// called is the answer of builtin fn, or errUnanswered where it is
// undefined.
func (u *unsourcedListing) called(fn topdown.BuiltinFunc, operands ...*ast.Term) (*ast.Term, error) {
	out, err := callFunc(u.bctx, fn, operands...)
	if err == nil && out == nil {
		err = errUnanswered
	}
	return out, err
}

// tokens are field name's tokens (nil where it has none).
func (u *unsourcedListing) tokens(name *ast.Term) *ast.Array {
	toks, _ := valueOf(get(get(u.fields, name), keyTokens)).(*ast.Array)
	return toks
}

// figureHit is figure_hit(name, i, n, s, e): nil where key_at is undefined.
func (u *unsourcedListing) figureHit(name *ast.Term, i, n int, s, e *ast.Term) (*ast.Term, error) {
	toks := u.tokens(name)
	if toks == nil || s == nil || e == nil {
		return nil, nil
	}
	word, err := joined(toks, i, n)
	if word == nil || err != nil {
		return nil, err
	}
	return ast.ObjectTerm(
		ast.Item(keyField, name), ast.Item(keyI, ast.InternedTerm(i)), ast.Item(keyN, ast.InternedTerm(n)),
		ast.Item(keyS, s), ast.Item(keyE, e), ast.Item(keyWord, word), ast.Item(keyEntry, u.figureEntry),
	), nil
}

// tokenEnd is tokens[i].e of field name (nil where there is none).
func (u *unsourcedListing) tokenEnd(name *ast.Term, i int) *ast.Term {
	toks := u.tokens(name)
	if toks == nil || i < 0 || i >= toks.Len() {
		return nil
	}
	return get(toks.Elem(i), keyE)
}

// noEnglishOf leaves a listing with a run of the "of" words (99% of
// users) to the Rego: figure_next reads offsets there.
func (u *unsourcedListing) noEnglishOf(ast.Set) error {
	for _, r := range terms(valueOf(get(u.runs, keyMetricsAfter))) {
		if key, ok := termOf[ast.String](get(r, keyKey)); !ok || strings.HasPrefix(string(key), "of") {
			return errUnanswered
		}
	}
	return nil
}

// clauseBetween is lexicon.boundary_between on tokens toks: a clause mark
// among tokens a..b.
func clauseBetween(toks *ast.Array, a, b int) bool {
	for m := max(a, 0); m <= min(b, toks.Len()-1); m++ {
		if truthy(get(clauseBoundaries, get(toks.Elem(m), keyT))) {
			return true
		}
	}
	return false
}
