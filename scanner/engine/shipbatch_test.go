package engine

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/shipments"
)

// EvalBatch judges varied orders (most on one tracking number, every kind
// of tracking, platforms with fixed and percent compensation) in batches;
// each order must get what Eval gives it on an engine of its own, byte for
// byte as JSON, errors included.
func TestBatchJudgesAsEval(t *testing.T) {
	docs := variedDocs(t, 600)
	batched, single := newTestEngine(t), newTestEngine(t)
	found := compareBatches(t, batched, single, docs, 32)
	inBatch := 0
	for _, lq := range batched.ruleQueries.byRules {
		if lq != nil && lq.batch != nil {
			inBatch++
		}
	}
	if inBatch == 0 || found < len(docs)/2 {
		t.Errorf("%d rule lists with a batch query, %d findings: want batches, and findings for most orders", inBatch, found)
	}
}

// A batch that fails (a rule that conflicts on one order), misses an order
// in its answer or answers in a shape the wrapping does not read is judged
// order by order: every order, the one that broke the batch too, still
// gets what Eval gives it.
func TestBrokenBatchJudgesEachOrder(t *testing.T) {
	docs := variedDocs(t, 120)
	bad := orderID(docs[5])
	conflict := rego.Module("zz_conflict.rego", `package zz_conflict
v := 1
v := 2 if input.shipment.order_id == "`+bad+`"`)
	for name, q := range map[string]string{
		"error":       `[x | some doc in input.batch; x := data.zz_conflict.v with input as doc]`,
		"short":       `[x | some doc in input.batch; doc.shipment.order_id != "` + bad + `"; x := []]`,
		"other shape": `[x | some doc in input.batch; x := "?"]`,
	} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			batched, single := newTestEngine(t), newTestEngine(t)
			for _, d := range docs { // prepare the rule lists, then break their batch query
				input, err := batched.Input(d)
				if err != nil {
					t.Fatal(err)
				}
				batched.ruleQueries.forInput(ctx, input)
			}
			broken, err := prepare(ctx, q, append(batched.ruleQueries.base, conflict))
			if err != nil {
				t.Fatal(err)
			}
			for _, lq := range batched.ruleQueries.byRules {
				if lq != nil && lq.batch != nil {
					lq.batch = &broken
				}
			}
			if name == "error" {
				var answer ast.Value
				input, _ := batched.Input(docs[5])
				batch := ast.NewObject(ast.Item(keyBatch, ast.ArrayTerm(ast.NewTerm(input))))
				if err := batched.evalBounded(ctx, broken, &answer, batch); err == nil {
					t.Fatalf("the broken batch query answered %v: want an error", answer)
				}
			}
			compareBatches(t, batched, single, docs, 16)
		})
	}
}

// compareBatches judges docs in batches of size with batched, and one by
// one with single, and reports every order judged differently; it returns
// how many findings there were.
func compareBatches(t *testing.T, batched, single *Engine, docs []*facts.Document, size int) int {
	t.Helper()
	ctx := context.Background()
	found := 0
	for start := 0; start < len(docs); start += size {
		part := docs[start:min(start+size, len(docs))]
		for i, j := range batched.EvalBatch(ctx, part) {
			want, err := single.Eval(ctx, part[i])
			if g, w := asJSON(t, j.Findings, j.Err), asJSON(t, want, err); g != w {
				t.Errorf("order %s: the batch judged it otherwise\nbatch: %s\n  own: %s", orderID(part[i]), g, w)
			}
			found += len(j.Findings)
		}
	}
	return found
}

func newTestEngine(t *testing.T) *Engine {
	t.Helper()
	e, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// variedDocs is the documents of n varied orders (writeVariedOrders).
func variedDocs(t *testing.T, n int) []*facts.Document {
	t.Helper()
	path := filepath.Join(t.TempDir(), "orders.json")
	writeVariedOrders(t, path, n)
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	src := shipments.NewSource([]shipments.Input{{Path: path, Kind: shipments.InputOrdersJSON}}, shipments.Options{Now: now})
	var docs []*facts.Document
	for it := range src.Items(context.Background()) {
		if it.Err != nil {
			t.Fatalf("%s:%d: %v", it.Source, it.Line, it.Err)
		}
		docs = append(docs, it.Doc)
	}
	return docs
}

func orderID(d *facts.Document) string {
	if s, ok := d.Shipment.(*shipments.Shipment); ok {
		return s.OrderID
	}
	return ""
}
