package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// xiaoer.pressure_findings(package, hits, table, messages, input) is
// ad-pressure's findings (rules/ad_pressure/ad_pressure.rego, which keeps
// the Rego as the fallback) of hits that no name or negation exempts
// (unregistered, asked in Rego first): each hit that no date (dated, dated_by_figure) and no allow-context (holds_any, by
// xiaoer.any_in_context) exempts gives lib.finding(law_meta(law), hit),
// its message one of messages (message: click, timed, price, other).
// table is data.tables.ad_pressure (its date_units and contexts).
//
// In Rego each hit took calls of exempt (with registered and holds_any),
// law_meta, message, timed and lib.finding, and a dozen references:
// about 360k instructions more a shop export row that reaches the rule
// (most have two hits) than this one step a listing.
//
// It is undefined where the Rego may answer another way: outside the
// engine's evaluations (where xiaoer.exposed_finding is), a document
// without the engine's found list, a context xiaoer.any_in_context leaves
// to the Rego, or a message that is no string.
var pressureFindingsBuiltin = &ast.Builtin{
	Name:        "xiaoer.pressure_findings",
	Description: "ad-pressure's findings of a listing without names or negations in one call (see rules/ad_pressure/ad_pressure.rego); undefined outside the engine's evaluations.",
	Decl:        hitFindingsDecl("table", "messages"),
}

var (
	keyNeedsDate       = key("needs_date")
	keyNeedsFigureDate = key("needs_figure_date")
	keyDateUnits       = key("date_units")
	keyDateWords       = key("date_words")
	keyListing         = key("listing")
	keyClick           = key("click")
	keyTimed           = key("timed")
	keyPrice           = key("price")
	keyOther           = key("other")
	pressureTable      = ast.StringTerm("ad_pressure")
)

// pressureScan is what every hit of one call is judged with. Its
// methods take it by pointer and it holds its exposedFindings in place:
// a copy per hit, or the findings behind a pointer, put one more copy of
// the BuiltinContext (288 bytes) on the heap each call.
type pressureScan struct {
	bctx                  topdown.BuiltinContext
	meta, table, messages *ast.Term
	listing, input        *ast.Term
	dated, datedByFigure  bool
	lawMetas              map[*ast.Term]*ast.Term
	findings              exposedFindings
}

func pressureFindings(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	hits, err := elements(operands[1], 2)
	if err != nil || !withExposures(bctx) {
		return err
	}
	listing := get(operands[4], keyListing)
	found, meta := get(get(listing, keyLexicon), keyFound), metaOf(bctx, operands[0])
	if found == nil || meta == nil {
		return nil
	}
	sc := pressureScan{bctx: bctx, meta: meta, table: operands[2], messages: operands[3],
		listing: listing, input: operands[4],
		findings: exposedFindings{bctx: bctx, input: operands[4]}}
	sc.datedByFigure = datedByFigure(get(listing, keyNumbers), get(sc.table, keyDateUnits))
	sc.dated = sc.datedByFigure || truthy(get(get(get(found, pressureTable), keyDateWords), ast.InternedTerm(0)))
	return findingsOf(hits, sc.finding, iter)
}

// datedByFigure is dated_by_figure: a figure whose unit is a date unit.
func datedByFigure(numbers, units *ast.Term) bool {
	nums, ok := valueOf(numbers).(*ast.Array)
	dated := false
	for i := 0; ok && i < nums.Len() && !dated; i++ {
		dated = truthy(get(units, get(nums.Elem(i), keyUnit)))
	}
	return dated
}

// finding is hit c's finding (nil: exempt, or a reference of the Rego's
// hit undefined); ok false where the builtin does not answer.
func (sc *pressureScan) finding(c *ast.Term) (f *ast.Term, ok bool, err error) {
	entry := get(c, keyEntry)
	exempt, ok, err := sc.exempt(c, entry)
	if exempt || !ok || err != nil {
		return nil, ok, err
	}
	field, s, e, word := get(c, keyField), get(c, keyS), get(c, keyE), get(c, keyWord)
	suggestion, kind := get(entry, keySuggestion), get(entry, keyKind)
	if entry == nil || field == nil || s == nil || e == nil || word == nil || suggestion == nil || kind == nil {
		return nil, true, nil
	}
	format, isString := termOf[ast.String](sc.message(entry))
	if !isString {
		return nil, false, nil
	}
	text, err := sprintf(sc.bctx, ast.NewTerm(format), word)
	if text == nil || err != nil {
		return nil, false, err
	}
	meta, err := sc.lawMeta(or(get(entry, keyLaw), get(get(sc.meta, keyBasis), keyLaw)))
	if meta == nil || err != nil {
		return nil, false, err
	}
	f, err = sc.findings.of(meta, hitParts{
		field: field, s: s, e: e, message: text, suggestion: suggestion,
		details: ast.ObjectTerm(ast.Item(keyKind, kind), ast.Item(keyWord, word)),
	})
	return f, f != nil, err
}

// exempt is exempt(c) less registered (unexempting holds): a date the
// entry needs, or one of its allow-contexts around the hit.
func (sc *pressureScan) exempt(c, entry *ast.Term) (exempt, ok bool, err error) {
	if truthy(get(entry, keyNeedsDate)) && sc.dated || truthy(get(entry, keyNeedsFigureDate)) && sc.datedByFigure {
		return true, true, nil
	}
	allow := get(entry, keyAllow)
	if allow == nil {
		return false, true, nil
	}
	holds, err := call(sc.bctx, anyInContextBuiltin.Name, get(sc.listing, keyLexicon), pressureTable, allow, c,
		get(sc.table, keyContexts), get(sc.listing, keyFields))
	if holds == nil || err != nil {
		return false, false, err
	}
	return truthy(holds), true, nil
}

// message is message(c)'s format: click, then timed (timed(entry)), then
// price, else other.
func (sc *pressureScan) message(entry *ast.Term) *ast.Term {
	kind := get(entry, keyKind)
	switch {
	case kind != nil && kind.Equal(keyClick):
		return get(sc.messages, keyClick)
	case truthy(get(entry, keyNeedsDate)) || truthy(get(entry, keyNeedsFigureDate)):
		return get(sc.messages, keyTimed)
	case kind != nil && kind.Equal(keyPrice):
		return get(sc.messages, keyPrice)
	}
	return get(sc.messages, keyOther)
}

// lawMeta is law_meta(law): meta where law is its own, else meta with
// law in its basis (entryMetaOf for an entry without a basis of its
// own, as the Rego's union), made once a law a call.
func (sc *pressureScan) lawMeta(law *ast.Term) (*ast.Term, error) {
	if law == nil {
		return nil, nil
	}
	for k, m := range sc.lawMetas {
		if k.Equal(law) {
			return m, nil
		}
	}
	m, err := entryMetaOf(sc.bctx, sc.meta, nil, law, false)
	if m != nil && sc.lawMetas == nil {
		sc.lawMetas = map[*ast.Term]*ast.Term{}
	}
	if m != nil {
		sc.lawMetas[law] = m
	}
	return m, err
}
