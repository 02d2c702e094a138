package policies

import (
	"errors"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.medical_hits(listing, tables, judged_as, boundaries) is
// ad-medical-claim's hits (rules/ad_medical_claim, which keeps the Rego
// as the fallback) on the engine's documents: its candidates (the hits of
// its words and patterns, less the terms the product's kinds skip or do
// not apply to and those without their partner context, plus the terms
// the kinds may use, as names), the longest of those that overlap, less
// the names. The Rego took a rule of three bodies, a function call or two
// per term and the longest's call: about 300k instructions a listing that
// reaches the rule (most have one or two terms); here it is one step.
//
// It answers only for a listing with the engine's found and held
// (input.listing.lexicon), entries whose only, allowed_for and the kinds'
// skip are arrays or sets, and partner contexts its held answers at once
// or that hold in one place (no all, unless or restated); it is undefined
// otherwise, and wherever the matches or pattern hits would err, so the
// Rego meets anything else as it always did.
var medicalHitsBuiltin = &ast.Builtin{
	Name:        "xiaoer.medical_hits",
	Description: "ad-medical-claim's hits on the engine's documents (see hits in rules/ad_medical_claim).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("listing", types.A).Description("input.listing"),
			types.Named("tables", types.A).Description("data.tables.ad_medical_claim"),
			types.Named("judged_as", types.A).Description("the kinds the listing is judged as"),
			types.Named("boundaries", types.A).Description("lexicon.boundaries"),
		),
		types.Named("hits", types.NewSet(types.A)),
	),
}

var (
	keyLexicon    = key("lexicon")
	keyFound      = key("found")
	keyHeld       = key("held")
	keyOnly       = key("only")
	keyAllowedFor = key("allowed_for")
	keyNeeds      = key("needs")
	keyName       = key("name")
	keySkip       = key("skip")
	keyContexts   = key("contexts")
	keyAll        = key("all")
	keyUnless     = key("unless")
	keyRestated   = key("restated")
	termDrugForm  = ast.StringTerm("drug_form")
	tableMedical  = ast.StringTerm("ad_medical_claim")
	lexHeads      = ast.StringTerm("pattern_heads")
	lexPatWords   = ast.StringTerm("pattern_words")
)

// errUnanswered: the builtin leaves the listing to the Rego.
var errUnanswered = errors.New("left to the Rego")

func medicalHits(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	m := medicalTerms{bctx: bctx, listing: operands[0], tables: operands[1], judged: operands[2], boundaries: operands[3]}
	hits, err := m.hits()
	if err != nil {
		return nil // undefined: the Rego works the hits out
	}
	return iter(ast.NewTerm(hits))
}

// medicalTerms reads one call's operands.
type medicalTerms struct {
	bctx                                topdown.BuiltinContext
	listing, tables, judged, boundaries *ast.Term
	found, held                         *ast.Term
}

// hits are the longest candidates that are no names.
func (m *medicalTerms) hits() (ast.Set, error) {
	lex := get(m.listing, keyLexicon)
	m.found, m.held = get(lex, keyFound), get(lex, keyHeld)
	if _, ok := valueOf(m.found).(ast.Object); !ok || !truthy(m.held) {
		return nil, errUnanswered
	}
	if _, ok := m.judged.Value.(ast.Set); !ok {
		return nil, errUnanswered
	}
	candidates, err := m.candidates()
	if err != nil {
		return nil, err
	}
	kept, err := longestOf(candidates)
	if err != nil {
		return nil, errUnanswered
	}
	hits := ast.NewSet()
	kept.Foreach(func(c *ast.Term) {
		if !truthy(get(get(c, keyEntry), keyName)) {
			hits.Add(c)
		}
	})
	return hits, nil
}

// candidates are the rule's candidates: its three bodies.
func (m *medicalTerms) candidates() (ast.Set, error) {
	words, err := m.wordMatches()
	if err != nil {
		return nil, err
	}
	patterns, err := m.patternHits()
	if err != nil {
		return nil, err
	}
	out := ast.NewSet()
	for _, c := range append(words, patterns...) {
		if _, ok := valueOf(get(c, keyEntry)).(ast.Object); !ok {
			return nil, errUnanswered
		}
		keep, err := m.kept(c)
		if err != nil {
			return nil, err
		}
		if keep {
			out.Add(c)
		}
	}
	for _, kind := range m.judged.Value.(ast.Set).Slice() {
		for _, c := range words {
			if allowed := get(get(c, keyEntry), keyAllowedFor); allowed != nil && member(kind, allowed) {
				out.Add(asName(c))
			}
		}
	}
	return out, nil
}

// kept is the first two bodies of candidates for term c: kind_keeps (or,
// on ordinary goods, not entry.only) and partnered.
func (m *medicalTerms) kept(c *ast.Term) (bool, error) {
	entry := get(c, keyEntry)
	keeps, err := m.kindKeeps(entry)
	if err != nil || !keeps {
		return false, err
	}
	return m.partnered(c, get(entry, keyNeeds))
}

// kindKeeps is kind_keeps(entry), which on ordinary goods (no kinds)
// comes to `not entry.only`.
func (m *medicalTerms) kindKeeps(entry *ast.Term) (bool, error) {
	only, allowed := get(entry, keyOnly), get(entry, keyAllowedFor)
	if !listOrAbsent(only) || !listOrAbsent(allowed) {
		return false, errUnanswered
	}
	kinds := m.judged.Value.(ast.Set)
	categories := get(m.tables, keyCategories)
	for _, kind := range kinds.Slice() {
		skip := get(get(categories, kind), keySkip)
		if !listOrAbsent(skip) {
			return false, errUnanswered
		}
		if kind := get(entry, keyKind); kind != nil && skip != nil && member(kind, skip) {
			return false, nil
		}
	}
	for _, kind := range terms(valueOf(allowed)) {
		if kinds.Contains(kind) {
			return false, nil
		}
	}
	if !truthy(only) {
		return true, nil
	}
	for _, kind := range kinds.Slice() {
		if member(kind, only) {
			return true, nil
		}
	}
	return kinds.Contains(termDrugForm) && member(termDrug, only), nil
}

// listOrAbsent: t is absent, an array or a set.
func listOrAbsent(t *ast.Term) bool {
	switch valueOf(t).(type) {
	case nil, *ast.Array, ast.Set:
		return true
	}
	return false
}

// partnered is partnered(c, entry) for an entry naming context needs:
// lexicon.in_context, where held answers false at once or the context
// holds in one place (xiaoer.held_at).
func (m *medicalTerms) partnered(c, needs *ast.Term) (bool, error) {
	if !truthy(needs) {
		return true, nil
	}
	h := get(get(m.held, tableMedical), needs)
	if !truthy(h) {
		return false, nil
	}
	ctx := get(get(m.tables, keyContexts), needs)
	if ctx == nil || truthy(get(ctx, keyAll)) || truthy(get(ctx, keyUnless)) || truthy(get(ctx, keyRestated)) {
		return false, errUnanswered
	}
	holds := false
	err := heldAt(m.bctx, []*ast.Term{h, c, get(m.listing, keyFields)}, func(t *ast.Term) error {
		holds = t.Equal(ast.InternedTerm(true))
		return nil
	})
	return holds, err
}

// asName is object.union(c, {"entry": object.union(c.entry, {"name": true})}).
func asName(c *ast.Term) *ast.Term {
	entry := get(c, keyEntry).Value.(ast.Object).Copy()
	entry.Insert(keyName, ast.InternedTerm(true))
	hit := c.Value.(ast.Object).Copy()
	hit.Insert(keyEntry, ast.NewTerm(entry))
	return ast.NewTerm(hit)
}
