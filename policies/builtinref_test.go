package policies

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// prepareBeside prepares each query over the embedded policies and, when
// reference is not empty, a module holding the Rego a builtin replaced:
// the tests that a builtin answers as that Rego did compare the two
// queries' answers.
func prepareBeside(t *testing.T, reference string, queries ...string) []rego.PreparedEvalQuery {
	t.Helper()
	b, err := Load(FS(), "xiaoer", false)
	if err != nil {
		t.Fatal(err)
	}
	opts := []func(*rego.Rego){rego.ParsedBundle("xiaoer", b), rego.StrictBuiltinErrors(true), rego.SetRegoVersion(ast.RegoV1)}
	if reference != "" {
		opts = append(opts, rego.Module("reference.rego", reference))
	}
	pqs := make([]rego.PreparedEvalQuery, len(queries))
	for i, q := range queries {
		pq, err := rego.New(append([]func(*rego.Rego){rego.Query(q)}, opts...)...).PrepareForEval(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pqs[i] = pq
	}
	return pqs
}

// answer is what query pq binds to x for input: the value as Rego writes
// it, or "undefined" or "error".
func answer(ctx context.Context, pq rego.PreparedEvalQuery, input ast.Value) string {
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(input), asAST)
	switch {
	case err != nil:
		return "error"
	case len(rs) == 0:
		return "undefined"
	}
	return rs[0].Bindings["x"].(ast.Value).String()
}

// asAST leaves the answers as Rego values: numbers as written.
var asAST = rego.EvalGenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t.Value, nil })
