package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.plain_unsourced_findings(package, table, absolute_contexts,
// education, figure_entry, skip, message, input) is
// xiaoer.unsourced_findings(package, hits, claim_period_fields, message,
// input) of xiaoer.unsourced_hits' hits (its operands are theirs) where
// it can tell from input alone that ad-unsourced-claim's plain_claims
// holds (rules/ad_unsourced_claim/ad_unsourced_claim.rego, whose findings
// ask it first); a claim whose field has a period figure lacks its period
// only where its sentence has none (periodsOf), as lacking's last branch
// finds it through lexicon.missing. Asked in Rego, plain_claims and
// claim_period_fields (a table lookup per figure) took about 110k
// instructions a plain shop export row that reaches the rule, and a claim
// beside a year (2024年新款 销量10万件) took walked_findings: about 300k
// more; the hits, asked as a rule of their own and passed here, about 10k.
//
// It is undefined, leaving the listing to the Rego after it, wherever
// that is not plain from input: no engine lists (found, held), an
// evidence marker, a tested result in held, ad-medical-claim not among
// the skipped rules (its wordless is Rego's to ask), a period figure
// that periodsOf cannot read, and wherever xiaoer.unsourced_hits or
// xiaoer.unsourced_findings is.
var plainUnsourcedFindingsBuiltin = &ast.Builtin{
	Name:        "xiaoer.plain_unsourced_findings",
	Description: "ad-unsourced-claim's findings of a plain listing, known from input, in one call (see rules/ad_unsourced_claim/ad_unsourced_claim.rego); undefined elsewhere.",
	Decl: types.NewFunction(
		types.Args(append(append([]types.Type{types.Named("package", types.S)}, hitsArgs()...),
			types.Named("message", types.A), types.Named("input", types.A))...),
		types.Named("findings", types.NewSet(findingType)),
	),
}

var (
	keyMarkers      = key("markers")
	keyTestSubjects = key("test_subjects")
	tableEvidence   = ast.StringTerm("ad_evidence")
	tableUnsourced  = ast.StringTerm("ad_unsourced_claim")
	medicalRule     = ast.StringTerm("ad_medical_claim")
)

func plainUnsourcedFindings(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	meta, message, input := metaOf(bctx, operands[0]), operands[6], operands[7]
	listing := get(input, keyListing)
	if meta == nil || !plainFromInput(get(listing, keyLexicon)) {
		return nil
	}
	periods, ok := periodsOf(get(listing, keyNumbers))
	if !ok {
		return nil
	}
	hits, err := callFunc(bctx, unsourcedHits, operands[1], operands[2], operands[3], operands[4], operands[5], input)
	if hits == nil || err != nil {
		return err
	}
	return findingsOfClaims(bctx, meta, hits, message, input, periods.stated(get(listing, keyFields)), iter)
}

// plainFromInput is plain_claims as the engine's lists show it: found
// and held there, no evidence marker (found.ad_evidence.markers[0]), no
// tested result (held.ad_unsourced_claim.test_subjects), and
// ad-medical-claim skipped (medical_silent's first body).
func plainFromInput(lex *ast.Term) bool {
	found, held := get(lex, keyFound), get(lex, keyHeld)
	return truthy(found) && truthy(held) &&
		!truthy(get(get(get(found, tableEvidence), keyMarkers), ast.InternedTerm(0))) &&
		!truthy(get(get(held, tableUnsourced), keyTestSubjects)) &&
		holdsTerm(get(lex, keySkip), medicalRule)
}

// holdsTerm is `x in coll` for coll an array or a set; false otherwise.
func holdsTerm(coll, x *ast.Term) bool {
	in, _ := holdsMember(coll, x)
	return in
}
