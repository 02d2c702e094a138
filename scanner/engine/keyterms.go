package engine

import (
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// sharedKeys holds, for every key of the lexicons and contexts, the terms
// of the input that depend on the key alone: its string and its context
// runs {n, key}. A judged export row has dozens of runs; made per
// listing, these terms were a good part of the bytes its input allocates,
// and the collector's work follows those bytes (issue 13). Made once,
// every listing's input shares them: OPA only reads an input's values.
type sharedKeys map[string]*sharedKey

// sharedKey is one key's terms. Its context runs are made when a listing
// first has them: most keys are never a context run of one token, let
// alone of four.
type sharedKey struct {
	key  string
	term *ast.Term
	runs [maxLexiconRun]atomic.Pointer[ast.Term]
}

func newSharedKeys(words map[string][]lexiconName, context map[string]bool) sharedKeys {
	keys := make(sharedKeys, len(words)+len(context))
	for k := range words {
		keys[k] = newSharedKey(k)
	}
	for k := range context {
		if keys[k] == nil {
			keys[k] = newSharedKey(k)
		}
	}
	return keys
}

func newSharedKey(k string) *sharedKey { return &sharedKey{key: k, term: ast.StringTerm(k)} }

// of is key k's terms; for a key it does not hold (lexiconWords built
// by hand), terms made for this listing alone. k is a run's bytes: looked
// up as string(k), which does not allocate, and copied only on a miss.
func (keys sharedKeys) of(k []byte) *sharedKey {
	if sk := keys[string(k)]; sk != nil {
		return sk
	}
	return newSharedKey(string(k))
}

// contextRun is the term {n, key} of a context run of the key over n
// tokens, made at the first listing that has it.
func (sk *sharedKey) contextRun(n int) *ast.Term {
	slot := &sk.runs[n-1]
	if t := slot.Load(); t != nil {
		return t
	}
	t := frozen(ast.ObjectTerm(ast.Item(keyN, ast.InternedTerm(n)), ast.Item(keyKey, sk.term)))
	if slot.CompareAndSwap(nil, t) {
		return t
	}
	return slot.Load() // another listing made it first: the same value
}

// frozen readies an object term to be shared between goroutines: OPA
// sorts an object's keys in place the first time they are read in order
// (guarded for readers of that object, not for Copy, which reads them
// directly), so they are sorted here, before any other goroutine sees it.
func frozen(t *ast.Term) *ast.Term {
	t.Value.(ast.Object).Until(sorted) // reads the keys in order, as Keys does, without their copy
	return t
}

// sorted stops an object's walk at its first item: what sorts the keys
// is reaching the first in order.
func sorted(_, _ *ast.Term) bool { return true }

// nameTerm is the term of a name of the policies or the document: a
// table, a lexicon, a context, a rule package, a field of a listing. The
// names are few, and each judged listing's input spells dozens of them
// (its fields, its lexicon facts, its held, its skipped rules): made
// once, the terms are shared like the keys'.
func nameTerm(name string) *ast.Term {
	if t, ok := nameTerms.Load(name); ok {
		return t.(*ast.Term)
	}
	t, _ := nameTerms.LoadOrStore(name, policies.KeyTerm(name))
	return t.(*ast.Term)
}

// nameTerms maps a name to its term (nameTerm); only names of the
// policies and the document's fields go in, so it stays small.
var nameTerms sync.Map
