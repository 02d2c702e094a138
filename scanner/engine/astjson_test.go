package engine

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Results written as JSON straight from the AST decode to what rego's
// own conversion, encoded, decodes to: strings with quotes, controls,
// escapes and invalid bytes, numbers, nesting, sets and non-string keys.
func TestResultJSONDecodesAsRegosConversion(t *testing.T) {
	t.Parallel()
	values := []ast.Value{
		ast.MustParseTerm(`[{"rule": "shipping-fake", "message": "订单 \"A1\"\\n\t\u0001 <b>&", "span": {"start": 0, "end": 12}, "exposure": {"platform_cny": 12.9, "fine_cny": [0, 0], "confirmed": false, "basis": []}, "details": {"events": [{"unix": 1795140000, "text": "已揽收"}], "none": null}}]`).Value,
		ast.String("bad \xff\xfe bytes \u2028 and \x1b[31m"),
		ast.MustParseTerm(`{"set": {3, 1, 2}, "big": 12345678901234567890, "small": 1e-7, "neg": -0.5}`).Value,
		ast.MustParseTerm(`{1: "one", "k": [true, false, null]}`).Value,
	}
	for i, v := range values {
		raw, err := appendJSON(nil, v)
		if err != nil {
			t.Fatalf("value %d: %v", i, err)
		}
		x, err := ast.JSONWithOpt(v, ast.JSONOpt{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		var got, exp any
		if err := json.Unmarshal(raw, &got); err != nil {
			t.Fatalf("value %d: %s: %v", i, raw, err)
		}
		if err := json.Unmarshal(want, &exp); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, exp) {
			t.Errorf("value %d:\n got %s\nwant %s", i, raw, want)
		}
	}
}
