package engine

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// main.rego finds a document's rules at every evaluation: it reads
// input.rules, then each rule package by name. For a shipment document,
// whose rules are a few of the four shipment packages, that is a tenth of
// the evaluation. The engine prepares, once per list of rule packages, the
// query main.rego's findings amount to for that list (the packages'
// findings in the list's order) and evaluates it instead.
type ruleQueries struct {
	mu      sync.Mutex
	base    []func(*rego.Rego) // the embedded pack's bundle and capabilities
	byRules map[string]*listQuery
	hits    map[string]*hitRule // rule packages whose hits the engine wraps (shiphits.go)
	// listings are the queries of listings' rule lists (listquery.go).
	listings listQueries
}

// listQuery is what one list of rule packages is evaluated with.
type listQuery struct {
	// findings is main.rego's findings for the list: the packages'
	// findings in the list's order.
	findings rego.PreparedEvalQuery
	// parts, when some package of the list is wrapped in Go, gives one
	// array a package: its hits (wrap[i] set) or its findings.
	parts *rego.PreparedEvalQuery
	wrap  []*hitRule
	// batch, with parts, is the parts of each document of input.batch
	// (shipbatch.go).
	batch *rego.PreparedEvalQuery
}

// maxRuleQueries bounds the lists prepared (each costs a compilation);
// other lists are evaluated through main.rego.
const maxRuleQueries = 16

var (
	keyKind      = policies.KeyTerm("kind")
	kindShipment = ast.String("shipment")
)

func newRuleQueries(base []func(*rego.Rego), hits map[string]*hitRule) *ruleQueries {
	return &ruleQueries{base: base, byRules: map[string]*listQuery{}, hits: hits, listings: listQueries{byRules: map[string]*listQuery{}, uses: map[string]int{}}}
}

// forInput is the queries for a shipment's or a listing's rule list (input.rules),
// or nil: another kind of document, no list, or one not prepared.
func (q *ruleQueries) forInput(ctx context.Context, input ast.Value) *listQuery {
	top, _ := input.(ast.Object)
	if q == nil || top == nil {
		return nil
	}
	switch termValue(top.Get(keyKind)) {
	case kindShipment:
	case kindListing:
		return q.listings.forRules(ctx, top, q.base)
	default:
		return nil
	}
	ids, key, ok := ruleList(top)
	if !ok {
		return nil
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if pq, ok := q.byRules[key]; ok {
		return pq
	}
	if len(q.byRules) >= maxRuleQueries {
		return nil
	}
	lq, err := q.prepareList(ctx, ids)
	if err != nil {
		q.byRules[key] = nil // main.rego then, every time
		return nil
	}
	q.byRules[key] = lq
	return lq
}

func (q *ruleQueries) prepareList(ctx context.Context, ids []string) (*listQuery, error) {
	lq := &listQuery{wrap: make([]*hitRule, len(ids))}
	var err error
	if lq.findings, err = prepare(ctx, findingsOf(ids), q.base); err != nil {
		return nil, err
	}
	parts := make([]string, len(ids))
	wrapped := false
	for i, id := range ids {
		parts[i] = "[f | some f in data.xiaoer.rules[" + strconv.Quote(id) + "].findings]"
		if lq.wrap[i] = q.hits[id]; lq.wrap[i] != nil {
			parts[i] = "[h | some h in data.xiaoer.rules[" + strconv.Quote(id) + "].hits]"
			wrapped = true
		}
	}
	if !wrapped {
		return lq, nil
	}
	partsQuery := "[" + strings.Join(parts, ", ") + "]"
	pq, err := prepare(ctx, partsQuery, q.base)
	if err != nil {
		return nil, err
	}
	lq.parts = &pq
	if bq, err := prepare(ctx, batchOf(partsQuery), q.base); err == nil {
		lq.batch = &bq // without it, each document is evaluated alone
	}
	return lq, nil
}

// findingsOf is the query for the findings of the rule packages ids, in
// that order: main.rego's findings when input.rules is ids.
func findingsOf(ids []string) string {
	if len(ids) == 0 {
		return "[]"
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = "[f | some f in data.xiaoer.rules[" + strconv.Quote(id) + "].findings]"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	q := parts[0]
	for _, p := range parts[1:] {
		q = "array.concat(" + q + ", " + p + ")"
	}
	return q
}
