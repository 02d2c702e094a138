package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// xiaoer.absolute_findings(package, hits, table, message, lexicon, fields,
// input) is
// ad-absolute's findings (rules/ad_absolute/ad_absolute.rego, which keeps
// the Rego as walked_findings) of hits that no name or negation exempts
// (unregistered, asked in Rego first): each hit at which none of its
// entry's allow-contexts holds (holds_any, by xiaoer.any_in_context)
// gives lib.finding(hit_meta(c, cat), hit), cat being the entry's
// category in table (data.tables.ad_absolute) and the message
// sprintf(message, [word, cat.title]). lexicon and fields are
// input.listing's, which xiaoer.any_in_context reads; input goes to
// xiaoer.exposed_finding alone (so the engine's part reads see the
// listing's parts the builtin reads, not all of them).
//
// In Rego each hit took calls of exempt and lib.finding, xiaoer.entry_meta
// and a dozen references: about 100k instructions a shop export row that
// reaches the rule (most have one 最好) more than this one step.
//
// It is undefined where the Rego may answer another way: outside the
// engine's evaluations (where xiaoer.exposed_finding is), a document
// without the engine's found list, a hit of an entry marked fact or
// spec_figure (the Rego reads its sentence: limited_and_sourced,
// spec_figure), or a context xiaoer.any_in_context leaves to the Rego.
var absoluteFindingsBuiltin = &ast.Builtin{
	Name:        "xiaoer.absolute_findings",
	Description: "ad-absolute's findings of a listing's unregistered hits in one call (see rules/ad_absolute/ad_absolute.rego); undefined outside the engine's evaluations.",
	Decl:        hitFindingsDecl("table", "message", "lexicon", "fields"),
}

var (
	keyCat               = key("cat")
	keyCategory          = key("category")
	keyCategoryTable     = key("categories")
	keyTitle             = key("title")
	keyFact              = key("fact")
	keySpecFigure        = key("spec_figure")
	keyExemptionsChecked = key("exemptions_checked")
	absoluteTable        = ast.StringTerm("ad_absolute")
)

// absoluteScan is what every hit of one call is judged with, by pointer
// and with its exposedFindings in place, as pressureScan.
type absoluteScan struct {
	bctx                   topdown.BuiltinContext
	meta, table, message   *ast.Term
	lexicon, fields, input *ast.Term
	findings               exposedFindings
}

func absoluteFindings(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	hits, err := elements(operands[1], 2)
	if err != nil || !withExposures(bctx) {
		return err
	}
	meta := metaOf(bctx, operands[0])
	if get(operands[4], keyFound) == nil || meta == nil {
		return nil
	}
	sc := absoluteScan{bctx: bctx, meta: meta, table: operands[2], message: operands[3],
		lexicon: operands[4], fields: operands[5], input: operands[6],
		findings: exposedFindings{bctx: bctx, input: operands[6]}}
	return findingsOf(hits, sc.finding, iter)
}

// finding is hit c's finding (nil: exempt, or a reference of the Rego's
// body undefined); ok false where the builtin does not answer.
func (sc *absoluteScan) finding(c *ast.Term) (f *ast.Term, ok bool, err error) {
	entry := get(c, keyEntry)
	exempt, ok, err := sc.exempt(c, entry)
	if exempt || !ok || err != nil {
		return nil, ok, err
	}
	hit, law, ok, err := sc.hit(c, entry)
	if law == nil || !ok || err != nil {
		return nil, ok, err
	}
	meta, err := entryMetaOf(sc.bctx, sc.meta, entry, law, ownBasisOf(entry))
	if meta == nil || err != nil {
		return nil, err == nil, err // undefined in Rego too: no finding
	}
	f, err = sc.findings.of(meta, hit)
	return f, f != nil, err
}

// exempt is exempt(c) less registered (asked in Rego): one of the entry's
// allow-contexts holds around the hit. ok is false for a fact or
// spec_figure entry, and where xiaoer.any_in_context does not answer.
func (sc *absoluteScan) exempt(c, entry *ast.Term) (exempt, ok bool, err error) {
	if truthy(get(entry, keyFact)) || truthy(get(entry, keySpecFigure)) {
		return false, false, nil
	}
	allow := get(entry, keyAllow)
	if allow == nil {
		return false, true, nil
	}
	holds, err := call(sc.bctx, anyInContextBuiltin.Name, sc.lexicon, absoluteTable, allow, c,
		get(sc.table, keyContexts), sc.fields)
	if holds == nil || err != nil {
		return false, false, err
	}
	return truthy(holds), true, nil
}

// hit is the parts of the hit object walked_findings passes lib.finding,
// and the category's law for hit_meta; law nil where one of the Rego's
// references is undefined (no finding).
func (sc *absoluteScan) hit(c, entry *ast.Term) (hit hitParts, law *ast.Term, ok bool, err error) {
	cat := get(entry, keyCat)
	category := get(get(sc.table, keyCategoryTable), cat)
	law, title := get(category, keyBasis), get(category, keyTitle)
	field, s, e, word, suggestion := get(c, keyField), get(c, keyS), get(c, keyE), get(c, keyWord), get(entry, keySuggestion)
	if law == nil || title == nil || field == nil || s == nil || e == nil || word == nil || suggestion == nil {
		return hitParts{}, nil, true, nil
	}
	text, err := sprintf(sc.bctx, sc.message, word, title)
	if text == nil || err != nil {
		return hitParts{}, nil, false, err
	}
	details := ast.ObjectTerm(ast.Item(keyCategory, cat), ast.Item(keyWord, word),
		ast.Item(keyExemptionsChecked, or(get(entry, keyAllow), ast.InternedEmptyArray)))
	return hitParts{field: field, s: s, e: e, message: text, suggestion: suggestion, details: details}, law, true, nil
}

// ownBasisOf is whether entry has a basis, link or fine of its own
// (hit_meta's object.filter of them is not empty).
func ownBasisOf(entry *ast.Term) bool {
	return get(entry, keyBasis) != nil || get(entry, keyLink) != nil || get(entry, keyFine) != nil
}
