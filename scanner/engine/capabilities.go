package engine

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// deniedBuiltins are refused to every policy, embedded or user: a policy
// judges the document it is given and never reaches the network or the host.
// Every net.* builtin is refused as well (see DeniedBuiltin): some only do
// arithmetic on addresses, but the family includes DNS lookups and
// net.cidr_expand, which can build millions of terms in one uninterruptible
// call.
var deniedBuiltins = map[string]string{
	"http.send":   "reaches the network",
	"opa.runtime": "reads the host's environment and configuration",
	"time.now_ns": "reads the clock; rules take the time from input.context.now so runs repeat",
}

// deniedPrefix refuses a whole family of builtins.
const deniedPrefix = "net."

// DeniedBuiltin reports whether policies may not call the named builtin, and
// why.
func DeniedBuiltin(name string) (string, bool) {
	if why, ok := deniedBuiltins[name]; ok {
		return why, true
	}
	if strings.HasPrefix(name, deniedPrefix) {
		return "reaches the network or resolves names", true
	}
	return "", false
}

// SafeCapabilities is OPA's builtin set minus the denied builtins, with no
// network host allowed. A policy calling a refused builtin fails to compile.
func SafeCapabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := make([]*ast.Builtin, 0, len(caps.Builtins))
	for _, b := range caps.Builtins {
		if _, denied := DeniedBuiltin(b.Name); !denied {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

func sortRules(m []finding.RuleMeta) {
	sort.Slice(m, func(i, j int) bool { return m[i].ID < m[j].ID })
}
