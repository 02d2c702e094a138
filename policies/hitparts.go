package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
)

// hitParts are the keys of a hit that lib.finding reads (nil: absent).
// The findings builtins that know their hit's keys give them so, and the
// hit object is never built: building it, then reading it back key by
// key, hashed every key three times a finding.
type hitParts struct {
	field, s, e, message, suggestion, details, severity, evidence *ast.Term
}

// partsOf are hit's parts lib.finding reads.
func partsOf(hit ast.Object) hitParts {
	return hitParts{
		field: hit.Get(keyField), s: hit.Get(keyS), e: hit.Get(keyE),
		message: hit.Get(keyMessage), suggestion: hit.Get(keySuggestion), details: hit.Get(keyDetails),
		severity: hit.Get(keySeverity), evidence: hit.Get(keyEvidence),
	}
}

// exposedFindingOf is xiaoer.exposed_finding(meta, hit, input) of the hit
// with parts h and no platform figures (none of lib.platform_keys), nil
// where it is undefined, its errors as the builtin's call gave them.
func exposedFindingOf(bctx topdown.BuiltinContext, meta, input *ast.Term, h hitParts) (*ast.Term, error) {
	return (&exposedFindings{bctx: bctx, input: input}).of(meta, h)
}

// exposedFindings makes the findings of one call's hits. The hits of a
// call share their meta's exposure (law_meta changes only the basis), so
// its answer is asked of the engine once, not once a hit: each asking
// hashed the exposure's operands to find the memo's answer again.
type exposedFindings struct {
	bctx  topdown.BuiltinContext
	input *ast.Term
	// asked is the exposure last asked (nil: none yet), x its answer.
	asked, x *ast.Term
}

// of is exposedFindingOf(meta, h) of the call's input.
func (ef *exposedFindings) of(meta *ast.Term, h hitParts) (*ast.Term, error) {
	m, ok := meta.Value.(ast.Object)
	e := exposuresOf(ef.bctx)
	if e == nil || !ok {
		return nil, nil // xiaoer.exposure is undefined
	}
	exposure := or(m.Get(keyExposure), ast.InternedEmptyObject)
	if ef.asked == nil || !ef.asked.Equal(exposure) {
		x, err := e.Exposure(ef.bctx, exposure, ast.InternedEmptyObject, ef.input)
		if err != nil {
			return nil, builtinError(exposedFindingBuiltin.Name, ef.bctx, err)
		}
		ef.asked, ef.x = exposure, x
	}
	if ef.x == nil {
		return nil, nil
	}
	// f is read after findingOf returns: in one return statement Go does
	// not order reading f against the call that sets it.
	var f *ast.Term
	err := findingOf(m, h, ef.x, func(t *ast.Term) error {
		f = t
		return nil
	})
	return f, err
}

// builtinError is err as OPA's wrapper of a registered builtin name
// returns it (topdown's handleBuiltinErr): a topdown error or halt as it
// is, any other wrapped, under the builtin's name.
func builtinError(name string, bctx topdown.BuiltinContext, err error) error {
	code := topdown.BuiltinErr
	switch err.(type) {
	case *topdown.Error, topdown.Halt:
		return err
	case builtins.ErrOperand:
		code = topdown.TypeErr
	}
	return (&topdown.Error{Code: code, Message: name + ": " + err.Error(), Location: bctx.Location}).Wrap(err)
}
