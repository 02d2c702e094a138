package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.guarantee_hits(promises, price, field_names, guarantee) is
// promise-guarantee's multiplier_hits (rules/promise_guarantee/, which
// keeps the Rego as the fallback): for each 假一赔N promise
// (guarantee_fake_multiplier), in order, the hit of its warning: where it
// stands, the claim it lets a buyer make (N times the price) and the
// platform's special-promise note. Nearly every shop-export row that
// reaches the rule has one; in Rego its hit took four function calls,
// three sprintf and two unions, about 440k instructions a finding. Here
// it is one step for all of them.
//
// It answers only for an array of promise objects whose multipliers
// have a kind, a string field and text, a number n and a span, a number
// price, a field_names object and a guarantee table with
// special_promise_note and claim_basis; it is undefined otherwise, so the
// Rego meets anything else as it always did. Names are read with OPA's
// object.get, products are its mul and texts its sprintf, so they read
// as the Rego's.
var guaranteeHitsBuiltin = &ast.Builtin{
	Name:        "xiaoer.guarantee_hits",
	Description: "The hits of promise-guarantee's 假一赔N promises (see rules/promise_guarantee/promise_guarantee.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("promises", types.A),
			types.Named("price", types.A),
			types.Named("field_names", types.A),
			types.Named("guarantee", types.A),
		),
		types.Named("hits", types.NewArray(nil, types.A)),
	),
}

var (
	keyMultiplier      = key("multiplier")
	keyClaimCNY        = key("claim_cny")
	keyClaimBasis      = key("claim_basis")
	keyPromise         = key("promise")
	keyPlatformBasis   = key("platform_basis")
	keyPlatformConfirm = key("platform_confirmed")
	keySpecialNote     = key("special_promise_note")
	fakeMultiplier     = ast.String("guarantee_fake_multiplier")
	quoteFormat        = ast.StringTerm("%s「%s」")
	claimPriced        = ast.StringTerm("价款%v倍（¥%v）")
	claimUnpriced      = ast.StringTerm("价款%v倍")
	multiplierFormat   = ast.StringTerm("%s：一旦被认定售假，买家可按约主张%s，平台按违背特殊承诺处理")
)

// multiplier is one 假一赔N promise of the shape.
type multiplier struct {
	kind, field, text, n, s, e *ast.Term
}

func guaranteeHits(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	all, ok := operands[0].Value.(*ast.Array)
	_, okP := operands[1].Value.(ast.Number)
	_, okN := operands[2].Value.(ast.Object)
	table, okG := operands[3].Value.(ast.Object)
	if !ok || !okP || !okN || !okG {
		return nil
	}
	note, basis := table.Get(keySpecialNote), table.Get(keyClaimBasis)
	if note == nil || basis == nil {
		return nil
	}
	hits := []*ast.Term{}
	for i := range all.Len() {
		p, isMultiplier, ok := multiplierOf(all.Elem(i))
		if !ok {
			return nil
		}
		if !isMultiplier {
			continue
		}
		hit, err := multiplierHit(bctx, p, operands[1], operands[2], note, basis)
		if err != nil {
			return err
		}
		hits = append(hits, hit)
	}
	return iter(ast.ArrayTerm(hits...))
}

// multiplierOf reads promise t: whether it is a 假一赔N, and whether it
// is of the shape (any object that is not a 假一赔N is).
func multiplierOf(t *ast.Term) (p multiplier, isMultiplier, ok bool) {
	obj, isObject := t.Value.(ast.Object)
	if !isObject {
		return p, false, false
	}
	p.kind = obj.Get(keyKind)
	if p.kind == nil || !ast.ValueEqual(p.kind.Value, fakeMultiplier) {
		return p, false, true
	}
	p.field, p.text, p.n, p.s, p.e = obj.Get(keyField), obj.Get(keyText), obj.Get(keyN), obj.Get(keyS), obj.Get(keyE)
	ok = p.s != nil && p.e != nil && allOf[ast.String](p.field, p.text) && allOf[ast.Number](p.n)
	return p, true, ok
}

// multiplierHit is the Rego's hit of 假一赔N promise p: special, its
// place, the message and the claim with the promise.
func multiplierHit(bctx topdown.BuiltinContext, p multiplier, price, names, note, basis *ast.Term) (*ast.Term, error) {
	claim, err := call(bctx, "mul", p.n, price)
	if err != nil {
		return nil, err
	}
	words, err := claimWords(bctx, p, price, claim)
	if err != nil {
		return nil, err
	}
	where, err := call(bctx, "object.get", names, p.field, p.field)
	if err != nil {
		return nil, err
	}
	quote, err := sprintf(bctx, quoteFormat, where, p.text)
	if err != nil {
		return nil, err
	}
	message, err := sprintf(bctx, multiplierFormat, quote, words)
	if err != nil {
		return nil, err
	}
	located := ast.ObjectTerm(ast.Item(keyKind, p.kind), ast.Item(keyText, p.text), ast.Item(keyField, p.field), ast.Item(keyS, p.s), ast.Item(keyE, p.e))
	return ast.ObjectTerm(
		ast.Item(keyPlatformBasis, note), ast.Item(keyPlatformConfirm, ast.InternedTerm(false)),
		ast.Item(keyField, p.field), ast.Item(keyS, p.s), ast.Item(keyE, p.e),
		ast.Item(keyMessage, message),
		ast.Item(keyDetails, ast.ObjectTerm(
			ast.Item(keyMultiplier, p.n), ast.Item(keyClaimCNY, claim), ast.Item(keyClaimBasis, basis),
			ast.Item(keyPromise, located),
		)),
	), nil
}

// claimWords is the Rego's claim_words(p): the multiple, and the sum
// where the listing states a price.
func claimWords(bctx topdown.BuiltinContext, p multiplier, price, claim *ast.Term) (*ast.Term, error) {
	if ast.Compare(price.Value, ast.InternedTerm(0).Value) > 0 {
		return sprintf(bctx, claimPriced, p.n, claim)
	}
	return sprintf(bctx, claimUnpriced, p.n)
}
