package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// partnerPressureListings are titles with ad-pressure's words that need
// a partner context, beside it and not (仅剩 beside 限时 against 仅剩的
// 回忆, 领取红包 beside 点击 against alone), and overlapping words.
func partnerPressureListings() []*listings.Listing {
	titles := []string{
		"限时特价 仅剩3件", "仅剩的回忆 纪念册", "点击领取红包 恭喜中奖", "领取红包 新年礼盒",
		"系统通知 点我即可领取", "库存紧张 活动马上截止", "断货 清仓 最后机会", "最后一次 见面",
	}
	return crossListings("pressure-partners", [][]listings.Attribute{nil}, titles)
}

// TestPartneredHitsAsRego: ad-pressure's hits, which
// xiaoer.partnered_hits makes, are the longest of its candidates (see
// answersAgree), over listings with its partnered and plain words and
// patterns besides.
func TestPartneredHitsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.ad_pressure."
	partnered := packQuery(t, "x := count({c | some c in "+rule+"hits; c.entry.needs})")
	engine := checker(t).Engine.withExposures(context.Background())
	ls := append(partnerPressureListings(), pressureListings()...)
	all, answered, withHits, kept := 0, 0, 0, 0
	answersAgree(t, ls, rule+"hits", "xiaoer.longest("+rule+"candidates)",
		`xiaoer.partnered_hits(input.listing.lexicon, data.tables.ad_pressure, "ad_pressure", input.listing, `+rule+"skip)",
		func(in ast.Value, want *ast.Array, byBuiltin bool) {
			all++
			if byBuiltin {
				answered++
			}
			if want.Len() > 0 {
				withHits++
				kept += asInt(answerJSON(t, answerIn(t, engine, partnered, in)))
			}
		})
	t.Logf("%d of %d listings answered by the builtin, %d with hits, %d hits kept beside a partner", answered, all, withHits, kept)
	if answered < all/2 || withHits < 50 || kept < 5 {
		t.Errorf("%d answered, %d with hits, %d partnered hits kept: want more", answered, withHits, kept)
	}
}

// answersAgree: on the engine's documents of the listings given, the
// fixture, corpus and labelled listings, what a rule answers (the query
// got: its hits, its findings), which its builtin (the query direct)
// makes where it answers, is what the Rego the other documents take
// answers (the query walked), with the engine's Exposures; without them
// the builtin is undefined. seen is given each document, the answer and
// whether the builtin answered.
func answersAgree(t *testing.T, ls []*listings.Listing, got, walked, direct string, seen func(in ast.Value, want *ast.Array, byBuiltin bool)) {
	t.Helper()
	c := checker(t)
	gotQ, walkedQ, directQ := packQuery(t, "x := "+got), packQuery(t, "x := "+walked), packQuery(t, "x := "+direct)
	engine := c.Engine.withExposures(context.Background())
	ls = append(ls, stemListings(t)...)
	if dir, err := testcorpus.Find(); err == nil && dir != "" {
		ls = append(ls, labelledListings(t)...) // else among stemListings
	}
	for _, l := range ls {
		in, err := c.Engine.input(c.Builder.Build(l), nil)
		if err != nil {
			t.Fatal(err)
		}
		answer, want := answerIn(t, engine, gotQ, in), answerIn(t, engine, walkedQ, in)
		if answer == nil || want == nil || ast.Compare(answer, want) != 0 {
			t.Fatalf("%s %s %q: %s %v, %s %v", l.Source, l.ID, l.Title, got, answer, walked, want)
		}
		if by := answerIn(t, context.Background(), directQ, in); by != nil {
			t.Fatalf("%s %s: %s without Exposures = %v; want undefined", l.Source, l.ID, direct, by)
		}
		seen(in, want.(*ast.Array), answerIn(t, engine, directQ, in) != nil)
	}
}

// answerJSON is v as JSON (nil where undefined).
func answerJSON(t *testing.T, v ast.Value) any {
	t.Helper()
	if v == nil {
		return nil
	}
	j, err := ast.JSON(v)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// TestPartneredHitsByHand: a document built by hand (no found list) takes
// the candidates, and its hits are those of the Rego.
func TestPartneredHitsByHand(t *testing.T) {
	t.Parallel()
	hand := ast.MustParseTerm(`{"listing": {"fields": {"title": {"text": "仅此一次", "tokens": [{"t": "仅此一次", "s": 0, "e": 12}]}}}}`).Value
	ctx := checker(t).Engine.withExposures(context.Background())
	got := answerIn(t, ctx, packQuery(t, `x := [c.word | some c in data.xiaoer.rules.ad_pressure.hits]`), hand)
	if got == nil || ast.Compare(got, ast.MustParseTerm(`["仅此一次"]`).Value) != 0 {
		t.Errorf("document built by hand: hits %v, want 仅此一次", got)
	}
}
