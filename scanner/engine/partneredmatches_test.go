package engine

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// partnerListings are titles with ad-absolute's words that need a
// partner context, beside it and not (最好的面料 against 最好手洗, 王者
// 风范 against 王者荣耀, 永久不变形 against 永久磁铁, 行业第一家 against
// 第一家店), words that need none, and an attribute the rule skips.
func partnerListings() []*listings.Listing {
	texts := []string{
		"最好的面料 纯棉T恤", "建议最好手洗 不可漂白", "同价位最好用的吹风机", "品质最好 口感最好",
		"王者风范 男士手表", "王者荣耀 周边手办", "永久不变形 合金车架", "永久磁铁 冰箱贴",
		"行业第一家 做到零添加", "第一家店 开业大吉", "特级 品质 红茶", "一级 能效 空调",
		"全网最佳 最优 顶级", "至臻享受 奢华面霜", "殿堂级 音质 耳机", "国内第一款 采用石墨烯",
	}
	var out []*listings.Listing
	for i, text := range texts {
		out = append(out, &listings.Listing{Source: "partners", ID: strconv.Itoa(i), Title: text,
			Description: texts[(i+3)%len(texts)] + "。" + texts[(i+7)%len(texts)],
			Attributes:  []listings.Attribute{{Name: "等级", Value: "最好 特级"}}})
	}
	return out
}

// TestPartneredMatchesAsRego: on the engine's documents the word hits
// ad-absolute keeps through xiaoer.partnered_matches (kept, and those of
// ask that partnered keeps) are those lexicon.matches and partnered give
// in Rego, for titles with partnered words beside their partners and not
// (partnerListings) and the fixture, corpus (or labelled) listings; a
// document built by hand (no found list) asks partnered of every hit.
func TestPartneredMatchesAsRego(t *testing.T) {
	t.Parallel()
	c := checker(t)
	builtin := packQuery(t, `r := data.xiaoer.rules.ad_absolute
x := {c | some c in r.word_hits.kept} | {c | some c in r.word_hits.ask; data.xiaoer.rules.ad_absolute.partnered(c)}`)
	walked := packQuery(t, `r := data.xiaoer.rules.ad_absolute
x := {c | some c in data.xiaoer.lib.lexicon.matches("ad_absolute", "words", r.skip); data.xiaoer.rules.ad_absolute.partnered(c)}`)
	counts := packQuery(t, `r := data.xiaoer.rules.ad_absolute
x := [count({c | some c in r.word_hits.kept; c.entry.needs}), count(data.xiaoer.lib.lexicon.matches("ad_absolute", "words", r.skip))]`)
	partnered, dropped := 0, 0
	for _, l := range append(partnerListings(), stemListings(t)...) {
		r, in, ok := agreedAnswer(t, c, l, builtin, walked)
		if !ok {
			continue
		}
		n := brandAnswer(t, counts, in).(*ast.Array)
		kept, _ := ast.JSON(n.Elem(0).Value)
		all, _ := ast.JSON(n.Elem(1).Value)
		partnered += asInt(kept)
		dropped += asInt(all) - r.(*ast.Array).Len()
	}
	if partnered < 10 || dropped < 5 {
		t.Errorf("%d hits kept beside a partner, %d dropped without one: want more of each", partnered, dropped)
	}
	hand := ast.MustParseTerm(`{"listing": {"fields": {"title": {"text": "最好的", "tokens": [{"t": "最好", "s": 0, "e": 6}, {"t": "的", "s": 6, "e": 9}]}}}}`).Value
	b := brandAnswer(t, packQuery(t, `x := [count(data.xiaoer.rules.ad_absolute.word_hits.kept), [c.word | some c in data.xiaoer.rules.ad_absolute.word_hits.ask]]`), hand)
	if b == nil || ast.Compare(b, ast.MustParseTerm(`[0, ["最好"]]`).Value) != 0 {
		t.Errorf("document built by hand: word_hits kept and asked %v, want nothing kept, 最好 asked", b)
	}
	t.Logf("%d hits kept beside a partner, %d dropped without one", partnered, dropped)
}

// asInt is a count read back from JSON.
func asInt(v any) int {
	n, _ := strconv.Atoi(fmt.Sprint(v))
	return n
}
