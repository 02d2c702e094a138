package engine

import (
	"context"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// exposureMemo answers xiaoer.exposure (policies/exposurebuiltin.go) for
// the embedded pack's evaluations: lib.exposure_of(x, hit) (x the rule's
// meta.exposure, hit the hit's platform figures), evaluated in
// Rego by a query of its own the first time its operands are met, then
// remembered. The operands are x, hit and the input's values at
// exposureReads, the only input exposure_of reads (exposurememo_test.go
// holds it to that). Where exposure_of(x, hit) read none of them (a rule
// that asks for no punitive claim), its answer holds for every input and
// is kept for x and hit alone (exposurefree.go): exports meet a new
// price every other row. Working exposure out inline cost a judged title
// about 190k instructions; a remembered answer costs one builtin call.
type exposureMemo struct {
	query rego.PreparedEvalQuery
	// tables answer the usual shapes that read the input without
	// evaluating (exposurepunitive.go).
	tables *punitiveTables
	mu     sync.RWMutex
	// free holds, by x and hit, whether exposure_of(x, hit) reads the
	// input, and its answer where it does not; byKey the answers of those
	// that do, by x, hit and the input's values.
	free  map[int][]*exposureAnswer
	byKey map[int][]*exposureAnswer
	n     int
	// metas are the rule packages' metas (rulemetas.go).
	metas map[string]*ast.Term
}

// exposureReads are the input paths lib.exposure_of reads: the kind of
// document, the listing's price and category.
var exposureReads = [][]string{{"kind"}, {"listing", "price", "amount"}, {"listing", "category"}}

// maxExposures bounds the answers kept (export prices vary); when it is
// reached the memo starts over.
const maxExposures = 4096

// exposureQuery is exposure_of on the operands the memo puts in input.x
// and input.hit, beside the input values it reads.
const exposureQuery = "data.xiaoer.lib.exposure_of(input.x, input.hit)"

// exposureAnswer is one remembered answer: the operands and exposure_of
// of them (nil: undefined). In free, reads are not set and free says
// whether the answer holds for every input.
type exposureAnswer struct {
	x, hit *ast.Term
	reads  [3]*ast.Term
	value  *ast.Term
	free   bool
}

func newExposureMemo(ctx context.Context, base []func(*rego.Rego)) (*exposureMemo, error) {
	pq, err := prepare(ctx, exposureQuery, base)
	if err != nil {
		return nil, err
	}
	tables, err := newPunitiveTables(ctx, base)
	if err != nil {
		return nil, err
	}
	m := &exposureMemo{query: pq, tables: tables}
	m.reset()
	return m, nil
}

func (m *exposureMemo) reset() {
	m.free, m.byKey, m.n = map[int][]*exposureAnswer{}, map[int][]*exposureAnswer{}, 0
}

// Exposure is exposure_of(x, hit) on input, from the memo or evaluated.
// The evaluation runs within the one that called the builtin, and halts
// with it (bctx): the store it reads has no writer after the engine is
// set up, so the read transaction it opens beside the caller's cannot
// wait.
func (m *exposureMemo) Exposure(bctx topdown.BuiltinContext, x, hit, input *ast.Term) (*ast.Term, error) {
	a := &exposureAnswer{x: x, hit: hit}
	hx := a.operandHash()
	g := m.lookup(m.free, hx, a, false)
	if g != nil && g.free {
		return g.value, nil
	}
	a.reads = readsOf(input)
	h := a.hash()
	if b := m.lookup(m.byKey, h, a, true); b != nil {
		return b.value, nil
	}
	read := true
	var err error
	if v, ok := m.tables.exposure(bctx, x, hit, a.reads); ok {
		a.value = v // it reads input.kind
	} else if g == nil {
		a.value, read, err = m.evalTraced(bctx, a)
	} else {
		a.value, err = m.eval(bctx, a)
	}
	if err != nil {
		return nil, err
	}
	m.store(hx, h, a, read)
	return a.value, nil
}

// eval evaluates exposure_of(a.x, a.hit) on a's input values, within
// the evaluation of bctx.
func (m *exposureMemo) eval(bctx topdown.BuiltinContext, a *exposureAnswer, opts ...rego.EvalOption) (*ast.Term, error) {
	opts = append(opts, rego.EvalParsedInput(a.input()), resultAST)
	if bctx.Cancel != nil {
		opts = append(opts, rego.EvalExternalCancel(bctx.Cancel))
	}
	rs, err := m.query.Eval(bctx.Context, opts...)
	if err != nil || len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, err
	}
	t, _ := rs[0].Expressions[0].Value.(*ast.Term)
	return t, nil
}

func (m *exposureMemo) lookup(in map[int][]*exposureAnswer, h int, a *exposureAnswer, reads bool) *exposureAnswer {
	m.mu.RLock()
	defer m.mu.RUnlock()
	for _, b := range in[h] {
		if b.same(a, reads) {
			return b
		}
	}
	return nil
}

// store keeps a's answer: for x and hit alone when the evaluation read
// no input, else beside the input values (and x and hit marked so).
func (m *exposureMemo) store(hx, h int, a *exposureAnswer, read bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.n >= maxExposures {
		m.reset()
	}
	if !read {
		m.add(m.free, hx, &exposureAnswer{x: a.x, hit: a.hit, value: a.value, free: true}, false)
		return
	}
	m.add(m.free, hx, &exposureAnswer{x: a.x, hit: a.hit}, false)
	m.add(m.byKey, h, a, true)
}

func (m *exposureMemo) add(in map[int][]*exposureAnswer, h int, a *exposureAnswer, reads bool) {
	for _, b := range in[h] {
		if b.same(a, reads) {
			return // another worker was first
		}
	}
	in[h] = append(in[h], a)
	m.n++
}

// exposureReadKeys are exposureReads as terms, made once.
var exposureReadKeys = func() (keys [3][]*ast.Term) {
	for i, path := range exposureReads {
		for _, k := range path {
			keys[i] = append(keys[i], ast.StringTerm(k))
		}
	}
	return keys
}()

// readsOf are input's values at exposureReads (nil where it has none).
func readsOf(input *ast.Term) (reads [3]*ast.Term) {
	for i, path := range exposureReadKeys {
		t := input
		for _, k := range path {
			obj, ok := t.Value.(ast.Object)
			if !ok {
				t = nil
				break
			}
			if t = obj.Get(k); t == nil {
				break
			}
		}
		reads[i] = t
	}
	return reads
}

func (a *exposureAnswer) operandHash() int { return a.x.Hash()*31 + a.hit.Hash() }

func (a *exposureAnswer) hash() int {
	h := a.operandHash()
	for _, t := range a.reads {
		h *= 31
		if t != nil {
			h += t.Hash()
		}
	}
	return h
}

// same is whether a and b have the same operands, and with reads, the
// same input values.
func (a *exposureAnswer) same(b *exposureAnswer, reads bool) bool {
	if !identical(a.x, b.x) || !identical(a.hit, b.hit) {
		return false
	}
	for i, t := range a.reads {
		u := b.reads[i]
		if reads && ((t == nil) != (u == nil) || t != nil && !identical(t, u)) {
			return false
		}
	}
	return true
}

// identical is whether a and b are the same value written the same way:
// Equal takes 12.9 and 12.90 for one number, but a finding prints the
// hit's platform_cny as written.
func identical(a, b *ast.Term) bool {
	if a == b {
		// One term: a rule's meta.exposure comes from Metas, read once,
		// and most hits pass the interned {}; comparing them walked both.
		return true
	}
	if !a.Equal(b) {
		return false
	}
	switch v := a.Value.(type) {
	case ast.Number:
		return v == b.Value.(ast.Number)
	case *ast.Array:
		w := b.Value.(*ast.Array)
		for i := 0; i < v.Len(); i++ {
			if !identical(v.Elem(i), w.Elem(i)) {
				return false
			}
		}
	case ast.Object:
		w := b.Value.(ast.Object)
		same := true
		v.Foreach(func(k, x *ast.Term) {
			same = same && identical(x, w.Get(k))
		})
		return same && sameKeys(v, w)
	case ast.Set:
		return a.String() == b.String()
	}
	return true
}

// sameKeys is whether objects v and w, Equal, have their keys written
// the same way.
func sameKeys(v, w ast.Object) bool {
	vk, wk := v.Keys(), w.Keys()
	for i := range vk {
		if !identical(vk[i], wk[i]) {
			return false
		}
	}
	return true
}

// input is the input the query evaluates exposure_of on: the operands,
// and the values at exposureReads where the caller's input has them.
func (a *exposureAnswer) input() ast.Value {
	paths := [][]string{{"x"}, {"hit"}}
	values := []*ast.Term{a.x, a.hit}
	for i, path := range exposureReads {
		if a.reads[i] != nil {
			paths, values = append(paths, path), append(values, a.reads[i])
		}
	}
	return objectAt(paths, values).Value
}

// objectAt is the object with values[i] at paths[i], built from the
// leaves up (an object's hash is fixed when it goes into its parent).
func objectAt(paths [][]string, values []*ast.Term) *ast.Term {
	var keys []string
	under := map[string][]int{}
	for i, p := range paths {
		if _, ok := under[p[0]]; !ok {
			keys = append(keys, p[0])
		}
		under[p[0]] = append(under[p[0]], i)
	}
	items := make([][2]*ast.Term, len(keys))
	for j, k := range keys {
		at := under[k]
		if len(paths[at[0]]) == 1 {
			items[j] = ast.Item(ast.StringTerm(k), values[at[0]])
			continue
		}
		var tails [][]string
		var vs []*ast.Term
		for _, i := range at {
			tails, vs = append(tails, paths[i][1:]), append(vs, values[i])
		}
		items[j] = ast.Item(ast.StringTerm(k), objectAt(tails, vs))
	}
	return ast.ObjectTerm(items...)
}

// withExposures is ctx for an evaluation of the embedded pack: its
// xiaoer.exposure calls answered from the memo. User rules are evaluated
// with the caller's ctx: their queries are compiled apart, and the
// builtin is undefined there, so lib.finding works exposure out inline.
func (e *Engine) withExposures(ctx context.Context) context.Context {
	if e.exposures == nil {
		return ctx
	}
	return policies.WithExposures(ctx, e.exposures)
}
