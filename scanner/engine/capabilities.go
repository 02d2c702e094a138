package engine

import (
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// deniedBuiltins are refused to every policy, embedded or user: a policy
// judges the document it is given and never reaches the network or the host.
// Every net.* builtin is refused as well (see DeniedBuiltin): some only do
// arithmetic on addresses, but the family includes DNS lookups and
// net.cidr_expand, which can build millions of terms in one uninterruptible
// call.
//
// Besides these, every builtin OPA marks non-deterministic is refused: such
// a builtin reads something other than its arguments (network, clock,
// randomness, the host), so a verdict would depend on where and when it
// ran. The reasons below name what each one reaches.
var deniedBuiltins = map[string]string{
	"http.send":   "reaches the network",
	"opa.runtime": "reads the host's environment and configuration",
	"time.now_ns": "reads the clock; rules take the time from input.context.now so runs repeat",
	// A schema's $ref is loaded by the validator: file:// reads host files
	// (their bytes reach the error message), /dev/zero fills memory, a
	// FIFO blocks past the evaluation timeout, http(s):// reaches out.
	"json.verify_schema":     "loads $ref schemas from host files and URLs",
	"json.match_schema":      "loads $ref schemas from host files and URLs",
	"io.jwt.decode_verify":   "reads the clock to check exp and nbf",
	"io.jwt.encode_sign":     "draws random numbers",
	"io.jwt.encode_sign_raw": "draws random numbers",
	"rand.intn":              "draws random numbers; runs would not repeat",
	"uuid.rfc4122":           "draws random numbers; runs would not repeat",
}

// nondeterministic lists the builtins OPA flags as non-deterministic.
var nondeterministic = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if b.Nondeterministic {
			out[b.Name] = true
		}
	}
	return out
})

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
	if nondeterministic()[name] {
		return "reads outside its arguments (OPA marks it non-deterministic)", true
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
