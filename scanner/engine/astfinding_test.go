package engine

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// TestFindingsFromASTAreTheDecodedOnes reads the embedded pack's answers
// for varied orders from their AST and from their JSON text: the same
// findings, and every answer read from the AST (or it would save nothing).
func TestFindingsFromASTAreTheDecodedOnes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.json")
	writeVariedOrders(t, path, 300)
	ctx := context.Background()
	e, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	src := shipments.NewSource([]shipments.Input{{Path: path, Kind: shipments.InputOrdersJSON}}, shipments.Options{Now: now})
	answers := 0
	for it := range src.Items(ctx) {
		input, err := e.Input(it.Doc)
		if err != nil {
			t.Fatal(err)
		}
		var answer ast.Value
		if err := evalInto(e.withExposures(ctx), e.findings, &answer, rego.EvalParsedInput(input)); err != nil {
			t.Fatal(err)
		}
		got, ok := findingsFromAST(answer)
		if !ok {
			t.Fatalf("order %s: answer not read from the AST: %v", it.OrderID, answer)
		}
		if want := decodedText(t, answer); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %s:\n  ast: %#v\n json: %#v", it.OrderID, got, want)
		}
		answers += len(got)
	}
	if answers < 300 {
		t.Errorf("%d findings: want hundreds", answers)
	}
}

// TestFindingsFromASTLeaveOddShapesToTheDecoder: what the JSON decoder
// reads its own way is not read from the AST.
func TestFindingsFromASTLeaveOddShapesToTheDecoder(t *testing.T) {
	for _, text := range []string{
		`[{"rule": "x", "Severity": "error"}]`,                 // key matched without case
		`[{"rule": null}]`,                                     // null leaves the field alone
		`[{"rule": "x", "span": {"start": 1.5, "end": 2}}]`,    // refused by an int
		`[{"rule": "x", "exposure": {"fine_cny": [1, 2, 3]}}]`, // an array longer than the field
		`[{"rule": "x", "location": {"file": "a", "line": 1}}]`,
		`[{"rule": "x", "details": {"n": 1e400}}]`,   // out of float64's range
		`[{"rule": "x", "details": {"s": {1e400}}}]`, // in a set too
		`{"rule": "x"}`,
	} {
		v, err := ast.ParseTerm(text)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := findingsFromAST(v.Value); ok {
			t.Errorf("%s: read from the AST as %#v", text, got)
		}
	}
	bad := ast.NewArray(ast.ObjectTerm(ast.Item(ast.StringTerm("rule"), ast.StringTerm("a\xffb"))))
	if _, ok := findingsFromAST(bad); ok {
		t.Error("text that is not UTF-8 read from the AST (decoding makes U+FFFD of it)")
	}
	plain, err := ast.ParseTerm(`[{"rule": "x", "span": {"start": 0, "end": 3}, "exposure": {"fine_cny": [0, 1.25], "basis": [], "points": -2e3}, "details": {"a": [1, "b", true, null, {"c": 0.1}], "e": {}, "s": {"b", "a", 2, {"x"}, [1]}, "none": set()}}]`)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := findingsFromAST(plain.Value)
	if want := decodedText(t, plain.Value); !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("plain answer: ok %v\n  ast: %#v\n json: %#v", ok, got, want)
	}
}

func decodedText(t *testing.T, v ast.Value) []finding.Finding {
	t.Helper()
	raw, err := appendJSON(nil, v)
	if err != nil {
		t.Fatal(err)
	}
	var out []finding.Finding
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestIsJSONNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"0": true, "-0": true, "12": true, "1.5": true, "-0.25e-3": true, "3E+10": true,
		"": false, "-": false, "01": false, "1.": false, ".5": false, "1e": false, "+1": false,
		"Inf": false, "NaN": false, "0x10": false, "1_000": false,
	} {
		if got := isJSONNumber(s); got != want || got != json.Valid([]byte(s)) {
			t.Errorf("isJSONNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
