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
// (shipquery.go), the engine prepares the query main.rego's findings
// amount to for a list and evaluates that instead of main.rego: reading
// input.rules and each package by name cost every judged listing about
// 39k instructions. Preparing a list's query costs about 866k, so a list
// is prepared at its listQueryAfter-th use only: most lists are met a few
// times (export-1000 has 55, 46 of them used fewer than 16 times) and
// would cost more to prepare than they save.
type listQueries struct {
	mu      sync.Mutex
	byRules map[string]*listQuery // nil values: lists that did not compile
	uses    map[string]int        // uses of the lists not prepared yet
}

// listQueryAfter is the use of a list that prepares its query (break-even
// is about 22 uses: 16 loses on lists met exactly 16 times, and wins on
// the lists met often, which are most of the uses).
const listQueryAfter = 16

// maxListingQueries bounds the lists prepared, maxListingUses the lists
// counted; listings with other lists are evaluated through main.rego.
const (
	maxListingQueries = 256
	maxListingUses    = 4096
)

var kindListing = ast.String("listing")

// forRules is the query of a listing input's rule list, or nil (no list,
// one that is not prepared, or too many lists).
func (q *listQueries) forRules(ctx context.Context, top ast.Object, base []func(*rego.Rego)) *listQuery {
	ids, key, ok := ruleList(top)
	if !ok {
		return nil
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if lq, ok := q.byRules[key]; ok {
		return lq
	}
	if len(q.byRules) >= maxListingQueries || !q.due(key) {
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

// due counts a use of the list key not prepared yet, true at its
// listQueryAfter-th.
func (q *listQueries) due(key string) bool {
	n, ok := q.uses[key]
	if !ok && len(q.uses) >= maxListingUses {
		return false
	}
	if n+1 < listQueryAfter {
		q.uses[key] = n + 1
		return false
	}
	delete(q.uses, key)
	return true
}

// ruleList is input.rules and the key of the list, false when it is not
// a list of names.
func ruleList(top ast.Object) (ids []string, key string, ok bool) {
	if ids, ok = ruleIDs(top); ok {
		key = strings.Join(ids, "\x00")
	}
	return ids, key, ok
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
