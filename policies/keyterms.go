package policies

import "github.com/open-policy-agent/opa/v1/ast"

// keyTerms holds one term for each object key the builtins name (key).
// The engine builds its input's objects with these same terms
// (KeyTerm), so a builtin's lookup ast.Object.Get finds an input key by
// pointer, without comparing the strings (KeyHashEqual), as it reads the
// input's runs, tokens and spans for every hit (issue 13).
var keyTerms = map[string]*ast.Term{}

// key is the term of key name, one term for each name. It writes
// keyTerms: call it only to initialize a package-level variable, which
// Go does before any goroutine can call KeyTerm.
func key(name string) *ast.Term {
	if t := keyTerms[name]; t != nil {
		return t
	}
	t := ast.StringTerm(name)
	keyTerms[name] = t
	return t
}

// KeyTerm is the term of key name that the builtins look up, or a new
// term for a name they do not name. Build input objects with it: values
// are equal either way, lookups are cheaper with the builtins' own term.
// OPA only reads input terms, so sharing them is safe from any goroutine.
func KeyTerm(name string) *ast.Term {
	if t := keyTerms[name]; t != nil {
		return t
	}
	return ast.StringTerm(name)
}
