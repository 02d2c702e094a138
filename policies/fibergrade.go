package policies

import (
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// The grading of a claim by the statements of its part with figures
// (rules/material_fiber/material_fiber.rego's claim_finding, first body,
// and judgments.rego's grade), for xiaoer.fiber_findings: on an export
// row with claims and statements of their part the Rego took about 350k
// instructions a claim (relevant four times, stated, threshold, a share
// per statement, grade, lib.finding). Arithmetic, sums, comparisons and
// texts are OPA's own builtins (call), so numbers read as the Rego's. A
// claim whose part has only statements without figures (implied_grade),
// and anything not of the shape read here, is left to the Rego.

var (
	keyGroup       = key("group")
	keyErrorBelow  = key("error_below")
	keyWarnBelow   = key("warn_below")
	keyBlendName   = key("blend_name")
	keyRestAllowed = key("rest_allowed")
	keyNote        = key("note")
	keyShare       = key("share")
	keyComposed    = key("composition")
	errorTerm      = ast.StringTerm("error")
	hundred        = ast.IntNumberTerm(100)
	ten            = ast.IntNumberTerm(10)
	gradeFormat    = ast.StringTerm("%s称「%s」，但%s为 %s（%s）")
	lacksFormat    = ast.StringTerm("不含%s")
	belowFormat    = ast.StringTerm("%s %v%%，低于 %v%%")
	blendFormat    = ast.StringTerm("改为「%s」或标注实际成分「%v%%%s」，删去「%s」")
	dropFormat     = ast.StringTerm("删去「%s」，按实际成分标注「%s」")
	atLeastFormat  = ast.StringTerm("%s称「%s」，但%s只标注 %s，未说明其余成分")
	traceFormat    = ast.StringTerm("%s称「%s」，但%s为 %s：其他纤维共 %v%%，超过 GB/T 29862 可不计的 0.5%% 微量")
	exactAdvice    = ast.StringTerm("在%s中标注准确含量（如「%s100%%」）；达不到时删去「%s」")
	traceAdvice    = ast.StringTerm("标注实际成分「%s」或删去「%s」；其他纤维合计不超过0.5%%时才可标「含微量」")
)

// judged is a claim with what grading it reads.
type judged struct {
	claim               ast.Object
	th                  ast.Object // threshold(c)
	tables, meta, names *ast.Term
}

// grade is a grade's severity, message, suggestion and basis.
type grade struct {
	severity, message, suggestion, basis *ast.Term
}

// claimFinding is claim_finding(c) for a claim with statements of its
// part (relevant, in key order): nil where the claim's share passes,
// false where the Rego grades it.
func claimFinding(bctx topdown.BuiltinContext, j judged, relevant []ast.Object, input *ast.Term) (*ast.Term, bool, error) {
	sts := withFigures(relevant)
	if len(sts) == 0 {
		return nil, false, nil // implied_grade
	}
	worst, share, ok, err := worstOf(bctx, sts, j.th)
	if !ok || err != nil {
		return nil, false, err
	}
	g, ok, err := gradeOf(bctx, j, worst, share)
	if !ok || g == nil || err != nil {
		return nil, ok, err
	}
	meta, err := call(bctx, "object.union", j.meta, ast.ObjectTerm(ast.Item(keyBasis, g.basis)))
	if meta == nil || err != nil {
		return nil, false, err
	}
	c := j.claim
	hit := ast.ObjectTerm(
		ast.Item(keyField, c.Get(keyField)), ast.Item(keyS, c.Get(keyS)), ast.Item(keyE, c.Get(keyE)),
		ast.Item(keySeverity, g.severity), ast.Item(keyMessage, g.message), ast.Item(keySuggestion, g.suggestion),
		ast.Item(keyDetails, ast.ObjectTerm(
			ast.Item(keyClaim, c.Get(keyText)), ast.Item(keyFiber, c.Get(keyFiber)),
			ast.Item(keyShare, share), ast.Item(keyComposed, worst.Get(keyDisplay)),
		)),
	)
	f, err := call(bctx, exposedFindingBuiltin.Name, meta, hit, input)
	return f, f != nil, err
}

// withFigures is stated(c): the relevant statements with exact figures, or
// where there are none those with figures.
func withFigures(relevant []ast.Object) []ast.Object {
	var exact, figured []ast.Object
	for _, s := range relevant {
		if truthy(s.Get(keyImplied)) {
			continue
		}
		figured = append(figured, s)
		if !truthy(s.Get(keyAtLeast)) {
			exact = append(exact, s)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return figured
}

// worstOf is the statement giving the claimed fibre the smallest share
// (the first of sort([[share, id]])) and that share.
func worstOf(bctx topdown.BuiltinContext, sts []ast.Object, th ast.Object) (ast.Object, *ast.Term, bool, error) {
	t := &texts{bctx: bctx}
	var worst ast.Object
	var least *ast.Term
	for _, s := range sts {
		share := t.sum(sharesHeld(s, th, keyGroup))
		if share == nil || t.err != nil {
			return nil, nil, false, t.err
		}
		key := ast.ArrayTerm(share, s.Get(keyID))
		if least == nil || ast.Compare(key, least) < 0 {
			worst, least = s, key
		}
	}
	return worst, least.Value.(*ast.Array).Elem(0), true, nil
}

// sharesHeld are the statement's shares of the fibres the threshold's
// table holds (group: share(st, th); rest_allowed: allowed(st, th)), in
// the order the Rego sums them; false where it has no shares.
func sharesHeld(st, th ast.Object, table *ast.Term) ([]*ast.Term, bool) {
	shares, ok := termOf[ast.Object](st.Get(keyShares))
	if !ok {
		return nil, false
	}
	held := th.Get(table)
	parts := []*ast.Term{}
	shares.Foreach(func(fib, p *ast.Term) {
		if truthy(get(held, fib)) {
			parts = append(parts, p)
		}
	})
	return parts, true
}

// gradeOf is grade(c, th, st, sh): an error below the threshold, a
// warning where more than the trace of other fibres is left; nil where
// the share passes.
func gradeOf(bctx topdown.BuiltinContext, j judged, st ast.Object, sh *ast.Term) (*grade, bool, error) {
	errorBelow, ok := termOf[ast.Object](j.th.Get(keyErrorBelow))
	warnBelow, ok2 := termOf[ast.Object](j.th.Get(keyWarnBelow))
	if !ok || !ok2 || errorBelow.Get(keyPercent) == nil || warnBelow.Get(keyPercent) == nil {
		return nil, false, nil
	}
	t := &texts{bctx: bctx}
	var g *grade
	if ast.Compare(sh, errorBelow.Get(keyPercent)) < 0 {
		g = errorGrade(t, j, st, sh, errorBelow)
	} else {
		allowed := t.sum(sharesHeld(st, j.th, keyRestAllowed))
		if t.err != nil || allowed == nil {
			return nil, false, t.err
		}
		if ast.Compare(t.call("plus", sh, allowed), warnBelow.Get(keyPercent)) >= 0 {
			return nil, t.err == nil, t.err
		}
		g = warningGrade(t, j, st, sh, allowed, warnBelow)
	}
	if t.err != nil || g == nil || g.message == nil || g.suggestion == nil || g.basis == nil {
		return nil, false, t.err
	}
	return g, true, nil
}

// errorGrade is grade's first body: the message with the shortfall, and
// blend_suggestion; nil where the Rego's would be undefined.
func errorGrade(t *texts, j judged, st ast.Object, sh *ast.Term, below ast.Object) *grade {
	name, text, display := j.th.Get(keyName), j.claim.Get(keyText), st.Get(keyDisplay)
	var short, advice *ast.Term
	switch ast.Compare(sh, zero) {
	case 0:
		short, advice = t.sprintf(lacksFormat, name), t.sprintf(dropFormat, text, display)
	case 1:
		short = t.sprintf(belowFormat, name, sh, below.Get(keyPercent))
		advice = t.sprintf(blendFormat, j.th.Get(keyBlendName), sh, name, text)
	default:
		return nil
	}
	field, source := t.names(j, st)
	return &grade{
		severity:   errorTerm,
		message:    t.sprintf(gradeFormat, field, text, source, display, short),
		suggestion: advice,
		basis:      t.basis(j, below),
	}
}

// warningGrade is grade's second body: trace_message and
// trace_suggestion, by whether the statement gives a lower bound.
func warningGrade(t *texts, j judged, st ast.Object, sh, allowed *ast.Term, below ast.Object) *grade {
	text, display := j.claim.Get(keyText), st.Get(keyDisplay)
	field, source := t.names(j, st)
	g := &grade{severity: warningTerm, basis: t.basis(j, below)}
	if truthy(st.Get(keyAtLeast)) {
		g.message = t.sprintf(atLeastFormat, field, text, source, display)
		g.suggestion = t.sprintf(exactAdvice, source, j.th.Get(keyName), text)
		return g
	}
	rest := t.call("div", t.call("round", t.call("mul", t.call("minus", t.call("minus", hundred, sh), allowed), ten)), ten)
	g.message = t.sprintf(traceFormat, field, text, source, display, rest)
	g.suggestion = t.sprintf(traceAdvice, display, text)
	return g
}

// texts calls OPA's builtins for a grade, keeping the first error; a
// call with an operand missing (nil: undefined in the Rego) is nil.
type texts struct {
	bctx topdown.BuiltinContext
	err  error
}

func (t *texts) call(name string, operands ...*ast.Term) *ast.Term {
	if !t.ready(operands...) {
		return nil
	}
	out, err := call(t.bctx, name, operands...)
	t.err = err
	return out
}

func (t *texts) sprintf(format *ast.Term, args ...*ast.Term) *ast.Term {
	if format == nil || !t.ready(args...) {
		return nil
	}
	out, err := sprintf(t.bctx, format, args...)
	t.err = err
	return out
}

// ready: no call failed yet and no operand is missing (nil).
func (t *texts) ready(operands ...*ast.Term) bool {
	return t.err == nil && !slices.Contains(operands, nil)
}

func (t *texts) sum(parts []*ast.Term, ok bool) *ast.Term {
	if !ok {
		return nil
	}
	return t.call("sum", ast.ArrayTerm(parts...))
}

// names are field_name(c.field) and source_name(st).
func (t *texts) names(j judged, st ast.Object) (field, source *ast.Term) {
	field = t.call("object.get", j.names, j.claim.Get(keyField), j.claim.Get(keyField))
	side, ok := conflictSideOf(ast.NewTerm(st))
	if !ok || t.err != nil {
		return field, nil
	}
	source, t.err = sourceName(t.bctx, side, j.names)
	return field, source
}

// basis is threshold_basis(below).
func (t *texts) basis(j judged, below ast.Object) *ast.Term {
	penalty := get(get(j.meta, keyBasis), keyPenalty)
	traceLink := get(get(j.tables, keyTrace), keyLink)
	law, confirmed := below.Get(keySource), below.Get(keyConfirmed)
	if penalty == nil || traceLink == nil || law == nil || confirmed == nil {
		return nil
	}
	link, note := below.Get(keyLink), below.Get(keyNote)
	if link == nil {
		link = traceLink
	}
	if note == nil {
		note = emptyString
	}
	return ast.ObjectTerm(
		ast.Item(keyLaw, law), ast.Item(keyPenalty, penalty), ast.Item(keyLink, link),
		ast.Item(keyConfirmed, confirmed), ast.Item(keyNote, note),
	)
}
