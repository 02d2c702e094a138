package engine

import (
	"context"
	"fmt"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Shipment documents are many (one per order) and small, and the entry
// point's walk over every rule package to find the shipment ones costs more
// than judging an order. So each embedded shipment rule has a query of its
// own, all prepared over one compilation, and an order is judged by the
// rules its facts let through (shipgate.go), in package order, as
// data.xiaoer.main.findings would list them.

// shipRules are the embedded shipment rules' queries and their gate.
type shipRules struct {
	gate    *shipGate
	queries map[string]rego.PreparedEvalQuery // by rule package
}

// lazyShipRules compiles the shipment queries on the first shipment
// document: a listing scan never pays for them.
func lazyShipRules(ctx context.Context, gate *shipGate, b *bundle.Bundle, caps *ast.Capabilities) func() (*shipRules, error) {
	return sync.OnceValues(func() (*shipRules, error) {
		queries := make([]string, len(gate.rules))
		for i, id := range gate.rules {
			queries[i] = fmt.Sprintf("data.xiaoer.rules[%q].findings", id)
		}
		prepared, err := prepareMany(context.WithoutCancel(ctx), queries, b, caps)
		if err != nil {
			return nil, err
		}
		sr := &shipRules{gate: gate, queries: map[string]rego.PreparedEvalQuery{}}
		for i, id := range gate.rules {
			sr.queries[id] = prepared[i]
		}
		return sr, nil
	})
}

// prepareMany prepares several queries over one compilation of bundle b:
// the bundle is compiled and written into a store of its own once, and
// every query reuses that compiler and store.
func prepareMany(ctx context.Context, queries []string, b *bundle.Bundle, caps *ast.Capabilities) ([]rego.PreparedEvalQuery, error) {
	store := inmem.New()
	compiler, err := compileInto(ctx, store, b, caps)
	if err != nil {
		return nil, err
	}
	out := make([]rego.PreparedEvalQuery, 0, len(queries))
	for _, q := range queries {
		pq, err := rego.New(rego.Query(q), rego.Store(store), rego.Compiler(compiler),
			rego.Capabilities(caps), rego.StrictBuiltinErrors(true), rego.SetRegoVersion(ast.RegoV1)).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("compile policies: %w", err)
		}
		out = append(out, pq)
	}
	return out, nil
}

// compileInto compiles bundle b and writes its data into store, in a
// transaction committed before any query reads the store.
func compileInto(ctx context.Context, store storage.Store, b *bundle.Bundle, caps *ast.Capabilities) (*ast.Compiler, error) {
	txn, err := store.NewTransaction(ctx, storage.WriteParams)
	if err != nil {
		return nil, fmt.Errorf("compile policies: %w", err)
	}
	var compiler *ast.Compiler
	opts := append([]func(*rego.Rego){rego.Query("true"), rego.Store(store), rego.Transaction(txn),
		rego.CompilerHook(func(c *ast.Compiler) { compiler = c })}, withBundle(b, caps)...)
	if _, err := rego.New(opts...).PrepareForEval(ctx); err != nil {
		store.Abort(ctx, txn)
		return nil, fmt.Errorf("compile policies: %w", err)
	}
	if err := store.Commit(ctx, txn); err != nil {
		return nil, fmt.Errorf("compile policies: %w", err)
	}
	return compiler, nil
}

// evalShipment judges a shipment document with the embedded shipment rules
// it has the facts for, then the user rules.
func (e *Engine) evalShipment(ctx context.Context, doc *facts.Document) ([]finding.Finding, error) {
	needed := e.shipGate.needed(doc)
	if len(needed) == 0 && len(e.userRules) == 0 {
		return []finding.Finding{}, nil
	}
	sr, err := e.shipRules()
	if err != nil {
		return nil, err
	}
	input, err := e.input(doc, nil)
	if err != nil {
		return nil, err
	}
	found := []finding.Finding{}
	err = e.bounded(ctx, func(ctx context.Context) error {
		for _, id := range needed {
			var some []finding.Finding
			if err := evalInto(ctx, sr.queries[id], &some, rego.EvalParsedInput(input)); err != nil {
				return err
			}
			found = append(found, some...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return append(found, e.evalUserRules(ctx, doc, input)...), nil
}
