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
	var f *ast.Term
	keep := func(t *ast.Term) error {
		f = t
		return nil
	}
	m, ok := meta.Value.(ast.Object)
	e := exposuresOf(bctx)
	if e == nil || !ok {
		return nil, nil // xiaoer.exposure is undefined
	}
	x, err := e.Exposure(bctx, or(m.Get(keyExposure), ast.InternedEmptyObject), ast.InternedEmptyObject, input)
	if err != nil {
		return nil, builtinError(exposedFindingBuiltin.Name, bctx, err)
	}
	if x == nil {
		return nil, nil
	}
	return f, findingOf(m, h, x, keep)
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
