package engine

import (
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// TestEngineFindingCallsRewriteEveryCall: compiled with the stage, the
// pack calls lib.finding nowhere, and calls xiaoer.exposed_finding once
// for each call of lib.finding it has without the stage (the inline and
// the nested forms, through any import).
func TestEngineFindingCallsRewriteEveryCall(t *testing.T) {
	t.Parallel()
	plain, rewritten := compiledPack(t, false), compiledPack(t, true)
	before := countCalls(plain, libFinding)
	if before < 20 {
		t.Fatalf("the pack calls lib.finding %d times, want the rules' calls", before)
	}
	if n := countCalls(rewritten, libFinding); n != 0 {
		t.Errorf("%d calls of lib.finding left", n)
	}
	if got, want := countCalls(rewritten, exposedFindingRef), before+countCalls(plain, exposedFindingRef); got != want {
		t.Errorf("%d calls of xiaoer.exposed_finding, want %d", got, want)
	}
}

// TestEngineFindingCallsKeepFindings: listings that draw findings from
// many rules find the same, to the byte, with the builtin called in
// place (the engine) and with lib.finding and its inline exposure (every
// rule judged, no exposure memo).
func TestEngineFindingCallsKeepFindings(t *testing.T) {
	engine := checker(t)
	inline, err := allRulesJudge()
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, l := range findingListings() {
		got, _, err := engine.CheckListing(t.Context(), l)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := inline.CheckListing(t.Context(), l)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", l.Title, got, want)
		}
		for _, f := range got {
			rules[f.Rule] = true
		}
	}
	if len(rules) < 5 {
		t.Errorf("findings of %d rules (%v), want listings that reach more", len(rules), rules)
	}
}

func findingListings() []*listings.Listing {
	fibre := []listings.Attribute{{Name: "材质成分", Value: "棉60% 聚酯纤维40%"}}
	return []*listings.Listing{
		{ID: "1", Source: "t.yaml", Title: "国家级工艺 纯棉T恤 全网第一", Attributes: fibre, Description: "销量突破10万件，好评率99%。限时抢购，最后一天！"},
		{ID: "2", Source: "t.yaml", Title: "正品保证 假一赔十 汽车脚垫 30万车主", Price: listings.Price{Min: 59, Max: 59}},
		{ID: "3", Source: "t.yaml", Title: "卫衣 10万+已买 最低价 仅此一天", Description: "恭喜您中奖了，点击领取"},
		{ID: "4", Source: "t.yaml", Title: "100%羊毛大衣 最好的面料", Attributes: []listings.Attribute{{Name: "面料", Value: "羊毛30% 涤纶70%"}}},
	}
}

// compiledPack is the embedded pack compiled as compiledOnce compiles it,
// with the engine's finding calls or without.
func compiledPack(t *testing.T, exposures bool) map[string]*ast.Module {
	t.Helper()
	b, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler().WithCapabilities(SafeCapabilities()).WithUseTypeCheckAnnotations(true).WithDefaultRegoVersion(ast.RegoV1)
	if exposures {
		c = c.WithStageAfterID(ast.StageResolveRefs, engineFindingCalls).
			WithStageAfterID(ast.StageSetRuleTree, engineConstantRules)
	}
	modules := map[string]*ast.Module{}
	for _, m := range b.Modules {
		modules[m.Path] = m.Parsed.Copy()
	}
	if c.Compile(modules); c.Failed() {
		t.Fatal(c.Errors)
	}
	return c.Modules
}

// countCalls counts the calls of op in modules.
func countCalls(modules map[string]*ast.Module, op ast.Ref) int {
	n := 0
	for _, m := range modules {
		ast.WalkExprs(m, func(e *ast.Expr) bool {
			if terms, ok := e.Terms.([]*ast.Term); ok && len(terms) > 0 && terms[0].Value.Compare(op) == 0 {
				n++
			}
			return false
		})
	}
	return n
}
