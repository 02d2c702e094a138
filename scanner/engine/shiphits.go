package engine

import (
	"context"
	"errors"
	"strconv"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// shipping-fake and shipping-late judge nearly every order on a busy
// tracking number, and building their finding objects in Rego was a fifth
// of judging one. They say what they found in `hits` (message, evidence,
// events, compensation; the policies still decide every word and figure),
// and wrap each hit in the finding object only in `findings`. When the
// exposure tables are flat, the object is the same for every hit but for
// those parts, so the engine asks for the hits and wraps them in Go.
// Anything a hit rule answers that the wrapping does not know (a hit of
// another shape, two hits, a document without the order fields) sends the
// document back to the rules' own findings.

// hitRule is how one rule package's findings wrap its hits: the parts
// that come from its meta.
type hitRule struct {
	rule, severity, suggestion string
	basis                      finding.Basis
}

// hitRules finds the embedded rule packages that declare hits and whose
// findings are the flat shape for every hit (meta without exposure, flat
// exposure tables: what shipping-fake's and shipping-late's first findings
// rule requires), keyed by package name.
func hitRules(ctx context.Context, embedded *bundle.Bundle, base []func(*rego.Rego)) map[string]*hitRule {
	out := map[string]*hitRule{}
	for _, m := range embedded.Modules {
		segs := packageSegments(m.Parsed)
		if len(segs) != 3 || segs[0] != "xiaoer" || segs[1] != "rules" || !declaresHits(m.Parsed) {
			continue
		}
		if h := flatHitRule(ctx, segs[2], base); h != nil {
			out[segs[2]] = h
		}
	}
	return out
}

var hitsRef = ast.Ref{ast.VarTerm("hits")}

func declaresHits(m *ast.Module) bool {
	for _, r := range m.Rules {
		if r.Head.Ref().Equal(hitsRef) && r.Head.RuleKind() == ast.MultiValue {
			return true
		}
	}
	return false
}

// flatHitRule reads the meta of rule package name when its findings are
// the flat shape, or is nil.
func flatHitRule(ctx context.Context, name string, base []func(*rego.Rego)) *hitRule {
	q := "[m | m := data.xiaoer.rules[" + strconv.Quote(name) + "].meta; " +
		`object.get(m, "exposure", {}) == {}; data.xiaoer.lib.shipping.flat_exposure]`
	pq, err := prepare(ctx, q, base)
	if err != nil {
		return nil
	}
	var v ast.Value
	if err := evalInto(ctx, pq, &v); err != nil {
		return nil
	}
	arr, _ := v.(*ast.Array)
	if arr == nil || arr.Len() != 1 {
		return nil
	}
	meta, _ := arr.Elem(0).Value.(ast.Object)
	h := &hitRule{}
	if meta == nil || !readField(meta, ast.StringTerm("id"), &h.rule) ||
		!readField(meta, ast.StringTerm("severity"), &h.severity) ||
		!readField(meta, ast.StringTerm("suggestion"), &h.suggestion) ||
		!readBasisTerm(meta.Get(keyBasis), &h.basis) {
		return nil
	}
	return h
}

// readField reads the string obj holds at key.
func readField(obj ast.Object, key *ast.Term, dst *string) bool {
	t := obj.Get(key)
	return t != nil && readString(t, dst)
}

func readBasisTerm(t *ast.Term, b *finding.Basis) bool {
	return t != nil && readBasis(t, b)
}

var (
	keyMessage      = policies.KeyTerm("message")
	keyEvidence     = policies.KeyTerm("evidence")
	keyEvents       = policies.KeyTerm("events")
	keyCompensation = policies.KeyTerm("compensation")
	keyCNY          = policies.KeyTerm("cny")
	keyBasis        = policies.KeyTerm("basis")
	keyConfirmed    = policies.KeyTerm("confirmed")
)

// wrap is the finding the rule's findings make of hit for the order
// shipment (input.shipment), as decoding it gives it; false when hit or
// the order is not what the flat findings rule reads.
func (h *hitRule) wrap(hit ast.Value, shipment ast.Object) (f finding.Finding, ok bool) {
	obj, _ := hit.(ast.Object)
	if obj == nil || obj.Len() != 4 || shipment == nil {
		return f, false
	}
	comp, _ := termValue(obj.Get(keyCompensation)).(ast.Object)
	if comp == nil || !readField(obj, keyMessage, &f.Message) || !readField(obj, keyEvidence, &f.Evidence) {
		return f, false
	}
	f.Rule, f.Severity, f.Basis, f.Suggestion = h.rule, h.severity, h.basis, h.suggestion
	if f.Exposure, ok = flatExposure(comp); !ok {
		return f, false
	}
	f.Details, ok = hitDetails(obj.Get(keyEvents), shipment)
	return f, ok
}

// flatExposure is the exposure object of the flat findings rule:
// compensation's cny, its basis unless empty, confirmed unless false.
func flatExposure(comp ast.Object) (x finding.Exposure, ok bool) {
	cny, confirmed := comp.Get(keyCNY), comp.Get(keyConfirmed)
	if cny == nil || confirmed == nil || !readFloat(cny, &x.PlatformCNY) {
		return x, false // the finding would be undefined, or not a number
	}
	x.Basis = []string{}
	if b := comp.Get(keyBasis); b != nil {
		s, isString := b.Value.(ast.String)
		if !isString || !readString(b, new(string)) {
			return x, false
		}
		if s != "" {
			x.Basis = append(x.Basis, string(s))
		}
	}
	x.Confirmed = !ast.Boolean(false).Equal(confirmed.Value)
	return x, true
}

// hitDetails is {order_id, tracking_no, shop, events}: the order's fields
// and the hit's events.
func hitDetails(events *ast.Term, shipment ast.Object) (map[string]any, bool) {
	if events == nil {
		return nil, false
	}
	out := make(map[string]any, 4)
	for _, k := range []*ast.Term{keyOrderID, keyTrackingNo, keyShop, keyEvents} {
		t := events
		if k != keyEvents {
			t = shipment.Get(k)
		}
		if t == nil {
			return nil, false
		}
		v, ok := plainValue(t.Value)
		if !ok {
			return nil, false
		}
		out[string(k.Value.(ast.String))] = v
	}
	return out, true
}

// evalWrapped evaluates the list's hits and findings and wraps the hits;
// ok is false when the list has no hit rule or the answer is one the
// wrapping leaves to the rules' own findings. An error other than the
// time limit or the memory budget is left to the findings query too, so
// a failing rule reads as it always did.
func (e *Engine) evalWrapped(ctx context.Context, lq *listQuery, input ast.Value) ([]finding.Finding, bool, error) {
	if lq.parts == nil {
		return nil, false, nil
	}
	var answer ast.Value
	if err := e.evalPack(ctx, *lq.parts, &answer, input); err != nil {
		if errors.Is(err, ErrEvalTimeout) || errors.Is(err, ErrEvalMemory) {
			return nil, false, err
		}
		return nil, false, nil
	}
	found, ok := lq.wrapParts(answer, input)
	return found, ok, nil
}

// wrapParts is the findings of the parts query's answer for input: each
// package's findings, or its hit wrapped; false when the answer is one
// the wrapping leaves to the rules' own findings.
func (lq *listQuery) wrapParts(answer, input ast.Value) ([]finding.Finding, bool) {
	parts, _ := answer.(*ast.Array)
	top, _ := input.(ast.Object)
	if parts == nil || parts.Len() != len(lq.wrap) || top == nil {
		return nil, false
	}
	shipment, _ := termValue(top.Get(keyShipment)).(ast.Object)
	var out []finding.Finding
	for i, h := range lq.wrap {
		part, _ := parts.Elem(i).Value.(*ast.Array)
		switch {
		case part == nil:
			return nil, false
		case h == nil:
			found, ok := findingsFromAST(part)
			if !ok {
				return nil, false
			}
			out = append(out, found...)
		case part.Len() > 1:
			return nil, false // a set of findings is ordered by the objects: left to Rego
		case part.Len() == 1:
			f, ok := h.wrap(part.Elem(0).Value, shipment)
			if !ok {
				return nil, false
			}
			out = append(out, f)
		}
	}
	if out == nil {
		out = []finding.Finding{}
	}
	return out, true
}
