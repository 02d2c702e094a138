package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// User policies are untrusted: they may come from another team or a
// download. SafeCapabilities already makes OPA refuse the dangerous builtins
// at compile time, but its message ("undefined function http.send") does
// not say why; checkUserModule refuses them first, naming the file, the line
// and the reason, and keeps user modules out of the packages that belong to
// the embedded pack.

// checkUserModule refuses reserved packages and denied builtin calls.
func checkUserModule(m *ast.Module) error {
	if err := checkUserPackage(m); err != nil {
		return err
	}
	return deniedCalls(m)
}

// checkUserPackage keeps user modules out of xiaoer.main, xiaoer.lib and the
// data tables: a user rule is xiaoer.rules.<name>; helpers may use any
// package outside xiaoer and tables.
func checkUserPackage(m *ast.Module) error {
	segs := packageSegments(m)
	if len(segs) == 0 {
		return nil
	}
	isRule := len(segs) >= 3 && segs[0] == "xiaoer" && segs[1] == "rules"
	if (segs[0] == "xiaoer" && !isRule) || segs[0] == "tables" {
		return fmt.Errorf("%s: package %s is reserved for the embedded pack; a user rule is package xiaoer.rules.<name>, helpers may use any package outside xiaoer and tables",
			location(m.Package.Location), strings.Join(segs, "."))
	}
	return nil
}

// deniedCalls finds every call of a denied builtin in the module, as a
// statement (http.send(req, resp)) or as a term (x := http.send(req)).
func deniedCalls(m *ast.Module) error {
	var errs []error
	check := func(op ast.Ref, loc *ast.Location) {
		name := op.String()
		if why, denied := DeniedBuiltin(name); denied {
			errs = append(errs, fmt.Errorf("%s: %s is not allowed in policies: it %s (policies judge the document they are given)",
				location(loc), name, why))
		}
	}
	ast.NewGenericVisitor(func(x any) bool {
		switch v := x.(type) {
		case *ast.Expr:
			if v.IsCall() {
				check(v.Operator(), v.Location)
			}
		case ast.Call:
			if op, ok := v[0].Value.(ast.Ref); ok {
				check(op, v[0].Location)
			}
		}
		return false
	}).Walk(m)
	return errors.Join(errs...)
}

// location renders file:line for messages.
func location(loc *ast.Location) string {
	if loc == nil {
		return "?"
	}
	return fmt.Sprintf("%s:%d", loc.File, loc.Row)
}
