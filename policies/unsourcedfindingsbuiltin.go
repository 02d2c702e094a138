package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.unsourced_findings(package, hits, period_fields, message, input) is
// ad-unsourced-claim's findings (rules/ad_unsourced_claim/
// ad_unsourced_claim.rego, which keeps the Rego as the fallback) of hits
// that no name or negation exempts (unregistered there), in a listing
// where every hit's answer is known without asking it: no hit can yield
// to ad-medical-claim, and the listing has no evidence marker and no
// tested result (plain_claims there). A claim
// then lacks its source, and its period where its entry needs one
// (lacking), unless its field has a period figure (period_fields): there
// the Rego reads the claim's sentence, and the builtin is undefined.
// Each finding is lib.finding(meta, hit) of the Rego's hit, its message
// sprintf(message, [word, the gaps joined by 和]).
//
// In Rego each hit took calls of registered, efficacy_rate, lacking and
// lib.finding, and a dozen references to build the hit: about 90k
// instructions a claim more than here (one step a listing), on shop
// export rows that reach the rule (most have two claims).
//
// It is undefined wherever the Rego would answer otherwise or another
// way: outside the engine's evaluations (where xiaoer.exposed_finding
// is), a hit whose field has a period figure, a word that is no string
// or entry needs that are neither array nor set.
var unsourcedFindingsBuiltin = &ast.Builtin{
	Name:        "xiaoer.unsourced_findings",
	Description: "ad-unsourced-claim's findings of a listing without exemptions, evidence or tests in one call (see rules/ad_unsourced_claim/ad_unsourced_claim.rego); undefined outside the engine's evaluations.",
	Decl:        hitFindingsDecl("period_fields", "message"),
}

// hitFindingsDecl declares a builtin that makes a rule's findings of its
// hits in one call: the operands are the rule's package name (its meta is
// the one the evaluation's Metas give it, exposurebuiltin.go), its hits,
// those of its own (own) and the input document.
func hitFindingsDecl(own ...string) *types.Function {
	args := []types.Type{types.Named("package", types.S), types.Named("hits", types.A)}
	for _, name := range own {
		args = append(args, types.Named(name, types.A))
	}
	args = append(args, types.Named("input", types.A))
	return types.NewFunction(types.Args(args...), types.Named("findings", types.NewSet(findingType)))
}

// findingsOf gives iter the set of the findings finding makes of hits
// (nil: no finding for that hit), or nothing (undefined) where it does
// not answer for one of them (ok false).
func findingsOf(hits []*ast.Term, finding func(c *ast.Term) (f *ast.Term, ok bool, err error), iter func(*ast.Term) error) error {
	out := ast.NewSet()
	for _, c := range hits {
		f, ok, err := finding(c)
		if !ok || err != nil {
			return err
		}
		if f != nil {
			out.Add(f)
		}
	}
	return iter(ast.NewTerm(out))
}

var (
	keyMissing = key("missing")
	periodNeed = ast.StringTerm("period")
	sourceGap  = ast.StringTerm("来源")
	periodGap  = ast.StringTerm("期间")
	bothGaps   = ast.StringTerm("来源和期间")
	// sourceOnly and sourceAndPeriod are the two lists of gaps a claim
	// lacks, made once and shared by the findings (terms are not changed
	// once made), not made again for each claim.
	sourceOnly      = ast.ArrayTerm(sourceGap)
	sourceAndPeriod = ast.ArrayTerm(sourceGap, periodGap)
	sprintfName     = ast.Sprintf.Name
)

func unsourcedFindings(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	meta := metaOf(bctx, operands[0])
	if meta == nil {
		return nil
	}
	return findingsOfClaims(bctx, meta, operands[1], operands[3], operands[4], outsideFields(operands[2]), iter)
}

// periodStated answers whether claim c's sentence states a period (it
// lacks its source only), ok false where the builtin leaves c to the Rego.
type periodStated func(c *ast.Term) (stated, ok bool)

// outsideFields is the periodStated of claims outside fields: none states
// a period, and a claim in one of fields is left to the Rego.
func outsideFields(fields *ast.Term) periodStated {
	return func(c *ast.Term) (bool, bool) {
		field := get(c, keyField)
		return false, field == nil || get(fields, field) == nil
	}
}

// findingsOfClaims gives iter the findings of hits (unsourced_findings'
// answer), or nothing where a claim is left to the Rego (stated).
func findingsOfClaims(bctx topdown.BuiltinContext, meta, hitsTerm, message, input *ast.Term, stated periodStated, iter func(*ast.Term) error) error {
	hits, err := elements(hitsTerm, 2)
	if err != nil || !withExposures(bctx) {
		return err
	}
	out, findings := ast.NewSet(), &exposedFindings{bctx: bctx, input: input}
	for _, c := range hits {
		hit, ok := unsourcedHit(bctx, c, stated, message)
		if !ok {
			return nil
		}
		if hit.message == nil {
			continue // the Rego's hit object is undefined: no finding
		}
		f, err := findings.of(meta, hit)
		if f == nil || err != nil {
			return err
		}
		out.Add(f)
	}
	return iter(ast.NewTerm(out))
}

// unsourcedHit is the parts of the hit the Rego passes lib.finding for
// claim c: without a message where one of its references is undefined
// (no finding), ok false where the builtin does not answer (see above).
func unsourcedHit(bctx topdown.BuiltinContext, c *ast.Term, stated periodStated, message *ast.Term) (hit hitParts, ok bool) {
	field, entry, word := get(c, keyField), get(c, keyEntry), get(c, keyWord)
	hasPeriod, ok := stated(c)
	if !ok {
		return hitParts{}, false
	}
	if _, isString := termOf[ast.String](word); word != nil && !isString {
		return hitParts{}, false
	}
	period, ok := holdsMember(get(entry, keyNeeds), periodNeed)
	if !ok {
		return hitParts{}, false
	}
	s, e, suggestion, kind := get(c, keyS), get(c, keyE), get(entry, keySuggestion), get(entry, keyKind)
	if field == nil || s == nil || e == nil || word == nil || suggestion == nil || kind == nil {
		return hitParts{}, true
	}
	gaps, joined := sourceOnly, sourceGap
	if period && !hasPeriod {
		gaps, joined = sourceAndPeriod, bothGaps
	}
	text, err := sprintf(bctx, message, word, joined)
	if text == nil || err != nil {
		return hitParts{}, false
	}
	return hitParts{field: field, s: s, e: e, message: text, suggestion: suggestion,
		details: ast.ObjectTerm(ast.Item(keyKind, kind), ast.Item(keyWord, word), ast.Item(keyMissing, gaps)),
	}, true
}

// holdsMember is `x in coll` for coll an array or a set, false where coll
// is undefined (the Rego's condition fails); ok false for other values,
// which the builtin leaves to the Rego.
func holdsMember(coll, x *ast.Term) (in, ok bool) {
	if coll == nil {
		return false, true
	}
	switch v := coll.Value.(type) {
	case *ast.Array:
		found := false
		v.Foreach(func(t *ast.Term) { found = found || t.Equal(x) })
		return found, true
	case ast.Set:
		return v.Contains(x), true
	}
	return false, false
}

// withExposures is whether the evaluation of bctx has the Exposures that
// answer xiaoer.exposed_finding (the engine's evaluations).
func withExposures(bctx topdown.BuiltinContext) bool {
	return bctx.Context != nil && bctx.Context.Value(exposuresKey{}) != nil
}
