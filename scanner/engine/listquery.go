package engine

import (
	"context"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// A judged listing's rule list (input.rules) is one of a few dozen: the
// gate skips the same rules for most listings. As for shipments
// (shipquery.go), the engine prepares, once per list, the query main.rego's
// findings amount to for it, and evaluates that instead of main.rego:
// reading input.rules and each package by name cost every judged listing
// about 47k instructions (2% of an export row), the query costs its
// compilation once (about 70k instructions).
type listQueries struct {
	mu      sync.Mutex
	byRules map[string]*listQuery // nil values: lists that did not compile
}

// maxListingQueries bounds the lists prepared; listings with other lists
// are evaluated through main.rego. Listing lists are more varied than
// shipment lists (export-1000 has 55), and each costs little.
const maxListingQueries = 256

var kindListing = ast.String("listing")

// forRules is the query of a listing input's rule list, or nil (no list,
// one that is not prepared, or too many lists).
func (q *listQueries) forRules(ctx context.Context, top ast.Object, base []func(*rego.Rego)) *listQuery {
	ids, ok := ruleIDs(top)
	if !ok {
		return nil
	}
	key := strings.Join(ids, "\x00")
	q.mu.Lock()
	defer q.mu.Unlock()
	if lq, ok := q.byRules[key]; ok {
		return lq
	}
	if len(q.byRules) >= maxListingQueries {
		return nil
	}
	pq, err := prepare(ctx, findingsOf(ids), base)
	if err != nil {
		q.byRules[key] = nil // main.rego then, every time
		return nil
	}
	lq := &listQuery{findings: pq} // no parts: listing rules are not wrapped
	q.byRules[key] = lq
	return lq
}

// ruleIDs reads input.rules, false when it is not a list of names.
func ruleIDs(top ast.Object) ([]string, bool) {
	rules, _ := termValue(top.Get(keyRules)).(*ast.Array)
	if rules == nil {
		return nil, false
	}
	ids := make([]string, rules.Len())
	for i := range ids {
		id, ok := rules.Elem(i).Value.(ast.String)
		if !ok {
			return nil, false
		}
		ids[i] = string(id)
	}
	return ids, true
}
