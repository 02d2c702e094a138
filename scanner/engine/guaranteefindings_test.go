package engine

import (
	"context"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// guaranteeListings are listings with promise-guarantee's promises: 假一赔N
// with a price and without, beside 正品保障, and beside replica wording
// (高仿, 1:1复刻), which the Rego judges.
func guaranteeListings() []*listings.Listing {
	texts := []string{
		"正品保障 假一赔十 运动鞋",
		"假一罚三 专柜正品 包邮",
		"高仿 1:1复刻 假一赔十",
		"假一赔三 正品保障 原单",
		"正品保障 高仿",
	}
	var out []*listings.Listing
	for _, price := range []float64{0, 129} {
		for _, l := range crossListings("guarantee", [][]listings.Attribute{nil, {{Name: "服务承诺", Value: "假一赔四"}}}, texts) {
			l.ID += fmt.Sprintf("-%v", price)
			l.Price = listings.Price{Min: price, Max: price, Currency: "CNY"}
			out = append(out, l)
		}
	}
	return out
}

// TestGuaranteeFindingsAsRego: promise-guarantee's findings, made by
// xiaoer.guarantee_findings where there is no replica wording, are
// walked_findings' (see eachWalked); the builtin answers them itself
// (it asks for replica wording on its own) and is undefined beside
// replica wording; both ways are taken by listings with findings.
func TestGuaranteeFindingsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.promise_guarantee."
	direct := `xiaoer.guarantee_findings(input.listing, data.xiaoer.lib.promises.field_names, data.tables.promises.guarantee, "promise_guarantee", input)`
	plain := packQuery(t, "x := "+rule+"replicas == []")
	directQ := packQuery(t, "x := "+direct)
	engine := checker(t).Engine.withExposures(context.Background())
	answered, replica := 0, 0
	eachWalked(t, rule, direct, guaranteeListings(), func(in, want ast.Value) {
		by := answerIn(t, engine, directQ, in)
		if by != nil && ast.Compare(by, want) != 0 {
			t.Fatalf("%s = %v; want %v", direct, by, want)
		}
		if ast.Compare(answerIn(t, engine, plain, in), ast.Boolean(true)) != 0 && by != nil {
			t.Fatalf("%s beside replica wording = %v; want undefined", direct, by)
		}
		if want.(*ast.Array).Len() == 0 { // a set, as the answer's JSON has it
			return
		}
		if by != nil {
			answered++
		} else {
			replica++
		}
	})
	if answered < 10 || replica < 3 {
		t.Errorf("%d listings with findings by xiaoer.guarantee_findings, %d beside replica wording: want more", answered, replica)
	}
	t.Logf("%d listings with findings by xiaoer.guarantee_findings, %d beside replica wording", answered, replica)
}
