package engine

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// TestDocumentsMatchPublishedSchema keeps policies/schema/input.json honest:
// the documents the policies see must validate against it.
func TestDocumentsMatchPublishedSchema(t *testing.T) {
	t.Parallel()
	schema := compileInputSchema(t)
	cases := []*listings.Listing{
		{ID: "a", Source: "a.yaml", Platform: "taobao", Title: "纯棉T恤 全网最低 24小时发货",
			Attributes: []listings.Attribute{{Name: "材质成分", Value: "棉60% 聚酯纤维40%"}},
			Price:      listings.Price{Min: 59, Max: 79, Currency: "CNY"}},
		{ID: "b", Source: "b.html", Platform: "tmall", Title: "羽绒服 90%白鸭绒", Description: "充绒量180g。含绒量90%！",
			SKUs: []string{"黑色 M", "白色 L"}},
		{ID: "c", Source: "c.txt", Platform: "generic", Title: "最近上新"},
	}
	for _, l := range cases {
		// The input the engine evaluates: the document plus what the
		// engine adds (listing.lexicon).
		input, err := checker(t).Engine.Input(checker(t).Builder.Build(l))
		if err != nil {
			t.Fatal(err)
		}
		native, err := ast.JSON(input)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := json.Marshal(native)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("listing %s: document does not match input.json: %v\n%s", l.ID, err, raw)
		}
	}
}

func compileInputSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(policies.InputSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("input.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("input.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}
