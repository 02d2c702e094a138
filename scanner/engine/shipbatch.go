package engine

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// An order on a busy tracking number costs a few hundred microseconds of
// Rego, and a quarter of that is the evaluation around the rules: the
// query set up, the time limit, the memory watch. EvalBatch judges several
// shipment documents in one evaluation of their rule list's hits, each
// document the input of its own part (`with input as`), and splits the
// answer back per document. Whatever the batch cannot answer for a
// document (the batch failed or ran out of time or memory, or the answer
// is one the wrapping leaves to the rules' findings) is judged for that
// document alone, as Eval judges it: one bad order costs the others
// nothing, and its error reads as it always did.

// Judgement is one document's findings, or its error, as Eval gives them.
type Judgement struct {
	Findings []finding.Finding
	Err      error
}

var keyBatch = policies.KeyTerm("batch")

// batchOf is the query for the answer of parts, a query on one input, for
// each document of input.batch, in order.
func batchOf(parts string) string {
	return "[x | some doc in input.batch; x := " + parts + " with input as doc]"
}

// EvalBatch judges each of docs as Eval does, and gives the same findings
// and errors; documents of the same shipment rule list share evaluations.
func (e *Engine) EvalBatch(ctx context.Context, docs []*facts.Document) []Judgement {
	out := make([]Judgement, len(docs))
	inputs := make([]ast.Value, len(docs))
	var lists []*listQuery // in the order first met
	pending := map[*listQuery][]int{}
	packCtx := e.withExposures(ctx) // the pack's evaluations; user rules' work exposure out inline
	for i, doc := range docs {
		skip, none := e.Skipped(doc)
		if none {
			out[i].Findings = []finding.Finding{} // no rule can find anything here
			continue
		}
		input, err := e.input(doc, skip)
		if err != nil {
			out[i].Err = err
			continue
		}
		inputs[i] = input
		found, later, err := e.memoFindings(packCtx, input)
		if !later {
			out[i] = Judgement{found, err}
			continue
		}
		lq := e.ruleQueries.forInput(packCtx, input)
		if lq == nil || lq.batch == nil {
			out[i].Findings, out[i].Err = e.evalDecoded(packCtx, input)
			continue
		}
		if pending[lq] == nil {
			lists = append(lists, lq)
		}
		pending[lq] = append(pending[lq], i)
	}
	for _, lq := range lists {
		e.evalBatched(packCtx, lq, pending[lq], inputs, out)
	}
	for i, doc := range docs {
		if inputs[i] == nil || out[i].Err != nil {
			continue
		}
		out[i].Findings = append(out[i].Findings, e.evalUserRules(ctx, doc, inputs[i])...)
		fillEvidence(doc, out[i].Findings)
	}
	return out
}

// evalBatched judges the documents inputs[at] of one rule list: in one
// evaluation when there are several, else (and for any document the
// batch leaves open) one by one.
func (e *Engine) evalBatched(ctx context.Context, lq *listQuery, at []int, inputs []ast.Value, out []Judgement) {
	var answers *ast.Array
	if len(at) > 1 {
		terms := make([]*ast.Term, len(at))
		for k, i := range at {
			terms[k] = ast.NewTerm(inputs[i])
		}
		var answer ast.Value
		err := e.evalPack(ctx, *lq.batch, &answer, ast.NewObject(ast.Item(keyBatch, ast.ArrayTerm(terms...))))
		if a, ok := answer.(*ast.Array); err == nil && ok && a.Len() == len(at) {
			answers = a
		}
	}
	for k, i := range at {
		if answers == nil {
			out[i].Findings, out[i].Err = e.evalDecoded(ctx, inputs[i])
			continue
		}
		found, ok := lq.wrapParts(answers.Elem(k).Value, inputs[i])
		if !ok {
			found, out[i].Err = e.evalQueryDecoded(ctx, lq.findings, inputs[i])
		}
		out[i].Findings = found
	}
}
