package engine

import (
	"encoding/json"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// promise-returns needs a refusal: 7天无理由退货 (what the law asks) and a
// refusal conditioned on intact goods (吊牌剪掉不退换) cannot give a
// finding, so they are skipped; an unconditioned refusal and fewer days
// than seven are evaluated and found.
func TestGateAsksForAReturnsRefusal(t *testing.T) {
	t.Parallel()
	wantRuleOnTitles(t, "promise_returns", "promise-returns", []titleCase{
		{"女士长款大衣 支持7天无理由退货", false},
		{"女士长款大衣 吊牌剪掉不退不换", false},
		{"女士长款大衣 不支持七天无理由退货", true},
		{"女士长款大衣 3天无理由退货", true},
	})
}

// promise-conflict needs two binding promises that say different things,
// a window against a fast promise or a postage term against 包邮: a
// repeated window, or a window beside 包邮, cannot conflict, so it is
// skipped; a slower window beside a faster one, and 邮费自理 beside 包邮,
// are evaluated and found.
func TestGateAsksForPromisesThatDiffer(t *testing.T) {
	t.Parallel()
	wantRuleOnTitles(t, "promise_conflict", "promise-conflict", []titleCase{
		{"女士长款大衣 48小时内发货 下单后48小时内发货", false},
		{"女士长款大衣 包邮 48小时内发货", false},
		{"女士长款大衣 24小时内发货 72小时内发货", true},
		{"女士长款大衣 包邮 邮费自理", true},
	})
}

// A promise entry is a kind's name or an object whose unless and below
// leave out the promises of the kind that cannot count.
func TestPromiseNeedCountsWhatItsValuesLeaveIn(t *testing.T) {
	t.Parallel()
	var needs []PromiseNeed
	raw := `["presale", {"kind": "returns_refused", "unless": {"cond": ["intact", "unsealed"]}}, {"kind": "returns_7day", "below": {"n": 7}}]`
	if err := json.Unmarshal([]byte(raw), &needs); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		p    facts.Promise
		want bool
	}{
		{facts.Promise{Kind: "presale", N: 15}, true},
		{facts.Promise{Kind: "returns_refused"}, true},
		{facts.Promise{Kind: "returns_refused", Cond: "activated"}, true},
		{facts.Promise{Kind: "returns_refused", Cond: "intact"}, false},
		{facts.Promise{Kind: "returns_refused", Cond: "unsealed"}, false},
		{facts.Promise{Kind: "returns_7day", N: 3}, true},
		{facts.Promise{Kind: "returns_7day", N: 7}, false},
		{facts.Promise{Kind: "returns_7day", N: 15}, false},
		{facts.Promise{Kind: "postage_free"}, false},
	} {
		if got := anyCounts(needs, &c.p); got != c.want {
			t.Errorf("%+v: counts %v, want %v", c.p, got, c.want)
		}
	}
}

// With against, a promise counts only beside another of those kinds that
// says something else: not beside its own repetition elsewhere.
func TestAgainstWantsAnotherPromise(t *testing.T) {
	t.Parallel()
	a := &alternative{promises: []PromiseNeed{{Kind: "ship_within_hours"}}, against: []PromiseNeed{{Kind: "ship_within_hours"}, {Kind: "in_stock"}}}
	at48 := facts.Promise{Kind: "ship_within_hours", Hours: 48, Field: "title", S: 0, E: 9}
	again := facts.Promise{Kind: "ship_within_hours", Hours: 48, Field: "description", S: 30, E: 39}
	for _, c := range []struct {
		name string
		ps   []facts.Promise
		want bool
	}{
		{"alone", []facts.Promise{at48}, false},
		{"repeated", []facts.Promise{at48, again}, false},
		{"another window", []facts.Promise{at48, {Kind: "ship_within_hours", Hours: 24}}, true},
		{"another kind", []facts.Promise{at48, {Kind: "in_stock"}}, true},
		{"a kind against does not name", []facts.Promise{at48, {Kind: "presale"}}, false},
	} {
		if got := a.hasPromise(c.ps); got != c.want {
			t.Errorf("%s: hasPromise %v, want %v", c.name, got, c.want)
		}
	}
}
