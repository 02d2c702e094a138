package engine

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// The memo answers as exposure_of inline on the whole input, for every
// part of the tables a rule can ask for (each fine and points entry, none,
// an unknown one, punitive true, false, absent or odd), hits with and
// without platform figures (one number written two ways), and listings
// at prices 0, small and large, written with zeros or an exponent, one
// that makes the claim its minimum, negative, a string, without one, in
// food and other categories (and one of another type), and a shipment. Every set of
// operands is asked twice, in two orders: the first time an x and hit
// are met (traced), for other inputs, and again (remembered).
func TestExposureMemoAnswersAsRego(t *testing.T) {
	c := checker(t)
	ctx := context.Background()
	m, err := newExposureMemo(ctx, c.Engine.ruleQueries.base)
	if err != nil {
		t.Fatal(err)
	}
	inline, err := prepare(ctx, "data.xiaoer.lib.exposure_of(input.zz_x, input.zz_hit)", c.Engine.ruleQueries.base)
	if err != nil {
		t.Fatal(err)
	}
	xs, hits, inputs := exposureXs(t, c), exposureHits(), exposureInputs()
	wants := map[[3]int]string{} // inline, worked out once
	for pass := 0; pass < 2; pass++ {
		for i := range inputs {
			k := (i*7 + pass*len(inputs)/2) % len(inputs)
			in := inputs[k]
			for j, x := range xs {
				for l, hit := range hits {
					want, ok := wants[[3]int{k, j, l}]
					if !ok {
						want = inlineExposure(t, inline, x, hit, in)
						wants[[3]int{k, j, l}] = want
					}
					got, err := m.Exposure(topdown.BuiltinContext{Context: ctx}, x, hit, ast.NewTerm(in))
					if err != nil {
						got = ast.StringTerm("error")
					}
					if fmt.Sprint(got) != want {
						t.Fatalf("pass %d, exposure_of(%v, %v) on %v:\nmemo   %v\ninline %s", pass, x, hit, in, got, want)
					}
				}
			}
		}
	}
	if m.n == 0 || len(m.free) == 0 {
		t.Fatalf("the memo kept nothing (%d answers)", m.n)
	}
}

// inlineExposure is exposure_of(x, hit) evaluated on the whole input, as
// lib.finding works it out without the memo (as the memo writes it;
// "error" when it fails).
func inlineExposure(t *testing.T, pq rego.PreparedEvalQuery, x, hit *ast.Term, in ast.Object) string {
	t.Helper()
	whole := withItems(in, ast.Item(ast.StringTerm("zz_x"), x), ast.Item(ast.StringTerm("zz_hit"), hit))
	rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(whole), resultAST)
	if err != nil {
		return fmt.Sprint(ast.StringTerm("error"))
	}
	if len(rs) == 0 {
		return fmt.Sprint((*ast.Term)(nil))
	}
	return fmt.Sprint(rs[0].Expressions[0].Value.(*ast.Term))
}

// exposureXs are the meta.exposure values to ask for: every combination
// of the tables' fines and points (and none, and an unknown entry) with
// each punitive value.
func exposureXs(t *testing.T, c *judge) []*ast.Term {
	tables := c.Engine.ruleQueries.base
	pq, err := prepare(context.Background(), "[object.keys(data.tables.exposure.fines), object.keys(data.tables.exposure.points)]", tables)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := pq.Eval(context.Background(), resultAST)
	if err != nil || len(rs) == 0 {
		t.Fatal(err)
	}
	keys := rs[0].Expressions[0].Value.(*ast.Term).Value.(*ast.Array)
	fines := append(keysOf(keys.Elem(0)), nil, ast.StringTerm("no such fine"))
	points := append(keysOf(keys.Elem(1)), nil, ast.StringTerm("no such points"))
	if len(fines) < 4 || len(points) < 4 {
		t.Fatalf("tables without entries: %v", keys)
	}
	punitive := []*ast.Term{nil, ast.BooleanTerm(true), ast.BooleanTerm(false), ast.StringTerm("yes")}
	var xs []*ast.Term
	for _, f := range fines {
		for _, p := range points {
			for _, pu := range punitive {
				xs = append(xs, exposureX(f, p, pu))
			}
		}
	}
	return append(xs, ast.StringTerm("none"))
}

func keysOf(set *ast.Term) []*ast.Term { return set.Value.(ast.Set).Slice() }

func exposureX(fine, points, punitive *ast.Term) *ast.Term {
	obj := ast.NewObject()
	for _, it := range [][2]*ast.Term{{ast.StringTerm("fine"), fine}, {ast.StringTerm("points"), points}, {ast.StringTerm("punitive"), punitive}} {
		if it[1] != nil {
			obj.Insert(it[0], it[1])
		}
	}
	return ast.NewTerm(obj)
}

func exposureHits() []*ast.Term {
	return []*ast.Term{
		ast.MustParseTerm(`{}`),
		ast.MustParseTerm(`{"platform_cny": 12.9, "platform_basis": "平台赔付"}`),
		ast.MustParseTerm(`{"platform_cny": 12.90, "platform_basis": "平台赔付"}`), // printed as written
		ast.MustParseTerm(`{"platform_cny": 5, "platform_basis": "平台赔付", "platform_confirmed": false}`),
	}
}

// exposureInputs are listing inputs at the prices and categories that
// change the punitive claim, with the fields exposure_of does not read
// beside them, and a shipment.
func exposureInputs() []ast.Object {
	var ins []ast.Object
	for _, price := range []string{``, `0`, `99.5`, `2999`, `2999.0`, `243.00`, `166.66666666666667`, `-5`, `1e2`, `"12"`} {
		for _, category := range []string{``, `""`, `"女装/女士精品"`, `"休闲零食"`, `7`} {
			listing := `"title": "t", "shop": "s"`
			if price != `` {
				listing += `, "price": {"amount": ` + price + `, "currency": "CNY"}`
			}
			if category != `` {
				listing += `, "category": ` + category
			}
			ins = append(ins, ast.MustParseTerm(`{"kind": "listing", "rules": [], "listing": {`+listing+`}}`).Value.(ast.Object))
		}
	}
	return append(ins,
		ast.MustParseTerm(`{"kind": "shipment", "shipment": {"order_id": "1"}}`).Value.(ast.Object),
		ast.MustParseTerm(`{"kind": "order", "listing": {"price": {"amount": 300}}}`).Value.(ast.Object),
		ast.MustParseTerm(`{"kind": "listing", "listing": {"price": 300}}`).Value.(ast.Object),
		ast.MustParseTerm(`{"listing": {"price": {"amount": 1000}}}`).Value.(ast.Object))
}

// Workers share the memo: answers asked for at once stay right.
func TestExposureMemoShared(t *testing.T) {
	c := checker(t)
	ctx := context.Background()
	m, err := newExposureMemo(ctx, c.Engine.ruleQueries.base)
	if err != nil {
		t.Fatal(err)
	}
	x := ast.MustParseTerm(`{"punitive": true, "fine": "ad_law_57"}`)
	hit := ast.MustParseTerm(`{}`)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				price := 100 + (i*(w+1))%60*10
				in := ast.MustParseTerm(fmt.Sprintf(`{"kind": "listing", "listing": {"price": {"amount": %d}}}`, price))
				got, err := m.Exposure(topdown.BuiltinContext{Context: ctx}, x, hit, in)
				if err != nil {
					errs <- err
					return
				}
				if want := max(price*3, 500); got.Value.(ast.Object).Get(ast.StringTerm("punitive_cny")).String() != fmt.Sprint(want) {
					errs <- fmt.Errorf("price %d: %v", price, got)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// The memo keeps at most maxExposures answers: prices on an export vary.
func TestExposureMemoBounded(t *testing.T) {
	c := checker(t)
	ctx := context.Background()
	m, err := newExposureMemo(ctx, c.Engine.ruleQueries.base)
	if err != nil {
		t.Fatal(err)
	}
	x := ast.MustParseTerm(`{"punitive": true, "points": "breach_promise"}`)
	for price := 0; price < maxExposures+10; price++ {
		in := ast.MustParseTerm(fmt.Sprintf(`{"kind": "listing", "listing": {"price": {"amount": %d}}}`, price))
		if _, err := m.Exposure(topdown.BuiltinContext{Context: ctx}, x, ast.MustParseTerm(`{}`), in); err != nil {
			t.Fatal(err)
		}
		if m.n > maxExposures {
			t.Fatalf("%d answers kept", m.n)
		}
	}
}

// An answer the memo evaluates halts with the evaluation that asked for
// it (the memory watch halts that one through its Cancel).
func TestExposureMemoHaltsWithItsEvaluation(t *testing.T) {
	c := checker(t)
	ctx := context.Background()
	m, err := newExposureMemo(ctx, c.Engine.ruleQueries.base)
	if err != nil {
		t.Fatal(err)
	}
	halt := topdown.NewCancel()
	halt.Cancel()
	x := ast.MustParseTerm(`{"punitive": true, "fine": "ad_law_57"}`)
	in := ast.MustParseTerm(`{"kind": "listing", "listing": {"price": {"amount": 10}}}`)
	if v, err := m.Exposure(topdown.BuiltinContext{Context: ctx, Cancel: halt}, x, ast.MustParseTerm(`{}`), in); err == nil {
		t.Fatalf("halted evaluation answered %v", v)
	}
	if m.n != 0 {
		t.Fatalf("the memo kept %d answers of a halted evaluation", m.n)
	}
}
