package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// xiaoer.plain_unsourced_findings(meta, hits, figures, period_units,
// message, input), figures the rule's and period_units
// data.tables.ad_evidence.period_units, is xiaoer.unsourced_findings(meta, hits,
// claim_period_fields, message, input) where it can tell from input
// alone that ad-unsourced-claim's plain_claims holds and that no hit's
// field has a period figure (rules/ad_unsourced_claim/
// ad_unsourced_claim.rego, whose findings ask it first). Asked in Rego,
// plain_claims and claim_period_fields (a table lookup per figure) took
// about 110k instructions a plain shop export row that reaches the rule,
// for the same findings.
//
// It is undefined, leaving the listing to the Rego after it, wherever
// that is not plain from input: no engine lists (found, held), an
// evidence marker, a tested result in held, ad-medical-claim not among
// the skipped rules (its wordless is Rego's to ask), or a figure in a
// hit's field whose unit is a key of period_units (lexicon.period_figure
// is Rego's to ask), and wherever xiaoer.unsourced_findings is.
var plainUnsourcedFindingsBuiltin = &ast.Builtin{
	Name:        "xiaoer.plain_unsourced_findings",
	Description: "ad-unsourced-claim's findings of a plain listing, known from input, in one call (see rules/ad_unsourced_claim/ad_unsourced_claim.rego); undefined elsewhere.",
	Decl:        hitFindingsDecl("figures", "period_units", "message"),
}

var (
	keyMarkers      = ast.StringTerm("markers")
	keyTestSubjects = ast.StringTerm("test_subjects")
	tableEvidence   = ast.StringTerm("ad_evidence")
	tableUnsourced  = ast.StringTerm("ad_unsourced_claim")
	medicalRule     = ast.StringTerm("ad_medical_claim")
)

func plainUnsourcedFindings(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	meta, hits, figures, units, message, input := operands[0], operands[1], operands[2], operands[3], operands[4], operands[5]
	hitFields, ok := fieldsOf(hits)
	if !ok || !plainFromInput(get(get(input, keyListing), keyLexicon)) || periodUnitIn(figures, units, hitFields) {
		return nil
	}
	return unsourcedFindings(bctx, []*ast.Term{meta, hits, ast.SetTerm(), message, input}, iter)
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

// fieldsOf are the fields of hits (a set or an array of objects), false
// where a hit has none: unsourced_findings then decides alone.
func fieldsOf(hits *ast.Term) (ast.Set, bool) {
	cs, err := elements(hits, 2)
	if err != nil {
		return nil, false
	}
	fields := ast.NewSet()
	for _, c := range cs {
		f := get(c, keyField)
		if f == nil {
			return nil, false
		}
		fields.Add(f)
	}
	return fields, true
}

// periodUnitIn: some figure of one of fields has a unit that
// period_units has a key for (a period figure may be one of those only:
// claim_period_fields), or figures is no array or set.
func periodUnitIn(figures, units *ast.Term, fields ast.Set) bool {
	nums, err := elements(figures, 3)
	if err != nil {
		return true
	}
	for _, num := range nums {
		field := get(num, keyField)
		if field != nil && fields.Contains(field) && get(units, get(num, keyUnit)) != nil {
			return true
		}
	}
	return false
}
