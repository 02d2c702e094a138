package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.guarantee_findings(listing, field_names, guarantee, package, input)
// is promise-guarantee's findings (rules/promise_guarantee/
// promise_guarantee.rego) in one call, in the engine's evaluations, for a
// listing without replica wording (nearly every one that reaches the
// rule): the 假一赔N hits of xiaoer.guarantee_hits, each made a finding
// by xiaoer.exposed_finding. The rule's body took the listing's promises
// and price (two rules of lib.promises, an object.get each), the hits
// and a call of lib.finding a hit: about 100k instructions of an export
// row with a 假一赔N. Here the promises and price are read off the
// listing as lib.promises reads them (OPA's object.get).
//
// The rule's meta is the one the evaluation's Metas give its package
// (exposurebuiltin.go), where passing meta evaluated the meta rule in
// every evaluation that reached the rule (about 16k instructions).
//
// It answers only where the listing has no replica wording by the
// runs the engine found (replicas' first body: lexicon.found is there
// and has no promises.replica_words), which it asks itself: the rule
// asking replicas == [] first was one more rule to evaluate, about 20k
// instructions of every listing that reaches it.
//
// It is undefined outside the engine's evaluations (no Exposures: the
// findings' exposure is worked out inline there), beside replica wording
// or without the runs found, and wherever xiaoer.guarantee_hits is, so
// walked_findings takes those listings.
var guaranteeFindingsBuiltin = &ast.Builtin{
	Name:        "xiaoer.guarantee_findings",
	Description: "promise-guarantee's findings of a listing without replica wording in one call; undefined outside the engine's evaluations (see rules/promise_guarantee/promise_guarantee.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("listing", types.A),
			types.Named("field_names", types.A),
			types.Named("guarantee", types.A),
			types.Named("package", types.S),
			types.Named("input", types.A),
		),
		types.Named("findings", types.NewSet(findingType)),
	),
}

var (
	keyPromises   = key("promises")
	keyReplicas   = key("replica_words")
	pricePath     = ast.ArrayTerm(ast.StringTerm("price"), ast.StringTerm("amount"))
	emptyPromises = ast.ArrayTerm()
)

func guaranteeFindings(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	listing, names, guarantee, meta, input := operands[0], operands[1], operands[2], metaOf(bctx, operands[3]), operands[4]
	if _, ok := listing.Value.(ast.Object); !ok || meta == nil || !withExposures(bctx) || !replicaFree(listing) {
		return nil
	}
	all, err := call(bctx, "object.get", listing, keyPromises, emptyPromises)
	if all == nil || err != nil {
		return err
	}
	price, err := call(bctx, "object.get", listing, pricePath, zero)
	if price == nil || err != nil {
		return err
	}
	hits, err := call(bctx, guaranteeHitsBuiltin.Name, all, price, names, guarantee)
	if hits == nil || err != nil {
		return err
	}
	found := ast.NewSet()
	if ok, err := addFindings(bctx, found, meta, hits, input); !ok || err != nil {
		return err
	}
	return iter(ast.NewTerm(found))
}

// replicaFree is replicas' first body: the listing lists the runs found
// (input.listing.lexicon.found, defined and not false) and none of them
// is a replica word (found.promises.replica_words undefined or false).
func replicaFree(listing *ast.Term) bool {
	found := get(get(listing, keyLexicon), keyFound)
	return truthy(found) && !truthy(get(get(found, keyPromises), keyReplicas))
}
