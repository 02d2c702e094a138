package scanner

import (
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
)

// deniedBuiltins are refused to every policy, embedded or user: a policy
// judges the document it is given and never reaches the network or the host.
var deniedBuiltins = map[string]bool{
	"http.send": true, "net.lookup_ip_addr": true, "net.cidr_expand": false,
	"opa.runtime": true, "trace": false, "rego.parse_module": false,
	"time.now_ns": true, // "now" comes from input.context.now, so runs repeat
}

// SafeCapabilities is OPA's builtin set minus the denied builtins.
func SafeCapabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if !deniedBuiltins[b.Name] {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

func sortRules(m []RuleMeta) {
	sort.Slice(m, func(i, j int) bool { return m[i].ID < m[j].ID })
}
