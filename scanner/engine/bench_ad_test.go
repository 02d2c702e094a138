package engine

import (
	"context"
	"fmt"
	"syscall"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// adQuery evaluates the advertising and counterfeit rules only, so the
// benchmark measures their lexicons and not the rest of the policy set.
const adQuery = `x := [f |
	some r in [
		"ad_absolute", "ad_unsourced_claim", "ad_medical_claim", "ad_pressure", "counterfeit_wording",
		"ad_state_authority", "ad_superstition", "ad_education_guarantee", "ad_investment_return",
	]
	some f in data.xiaoer.rules[r].findings
]`

// adLexicons are the lexicon objects a scale factor grows: table, then the
// key of the object inside it.
var adLexicons = [][2]string{
	{"ad_absolute", "words"}, {"ad_unsourced_claim", "words"}, {"ad_medical_claim", "words"},
	{"ad_pressure", "words"}, {"counterfeit", "words"}, {"ad_state_authority", "words"},
	{"ad_superstition", "words"}, {"ad_education_guarantee", "words"}, {"ad_investment_return", "words"},
}

// benchListings are typical listings: short titles with and without hits,
// and a description of a few hundred characters with sentences, figures and
// a footnote.
var benchListings = []*listings.Listing{
	{ID: "1", Title: "2026秋冬新款纯棉长袖T恤男士宽松打底衫 现货秒发"},
	{ID: "2", Title: "全网最低价 国家级工艺 最保暖羽绒服 万人疯抢 好评率99%"},
	{ID: "3", Title: "冬季加厚羽绒服女中长款", Description: "精选白鸭绒，含绒量90%，充绒量180g。" +
		"本店销量最高的款式，10万+人已买。最佳穿着温度-10℃至5℃，最好干洗。" +
		"2023年天猫羽绒服类目销量第一※。面料经检测抑菌率99%（报告编号：A2023-118）。" +
		"追求极致品质，打造行业第一品牌。限时特惠11月11日0点-24点。\n" +
		"※数据来源：天猫生意参谋，统计周期2023年1月1日至12月31日。"},
	{ID: "4", Title: "特级初榨橄榄油 一级能效 第一次购买送礼品", Subtitle: "最近上新 客户至上"},
}

// BenchmarkAdRules is the evaluation time per listing of the five rules:
// for each listing with the shipped lexicons, then for all listings with
// every lexicon grown two and four times by filler words. Lookups are by
// object key, so time per listing should stay flat as lexicons grow.
// cpu-ns is the process's CPU time per listing: on a shared machine it
// measures the work, where ns/op also measures the wait for a core.
//
//	go test ./scanner -run '^$' -bench AdRules -benchtime 100x
func BenchmarkAdRules(b *testing.B) {
	docs := make([]ast.Value, len(benchListings))
	for i, l := range benchListings {
		// The engine's input, with its lexicon index: filler words are
		// in no listing, so the index from the shipped lexicons serves
		// every scale.
		v, err := checker(b).Engine.Input(checker(b).Builder.Build(l))
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = v
	}
	shipped, _ := prepareAdQuery(b, 1)
	for i, doc := range docs {
		b.Run(fmt.Sprintf("listing=%d", i+1), func(b *testing.B) {
			evalAdQuery(b, shipped, doc)
		})
	}
	for _, scale := range []int{1, 2, 4} {
		pq, size := prepareAdQuery(b, scale)
		b.Run(fmt.Sprintf("lexicon=x%d/%dwords", scale, size), func(b *testing.B) {
			evalAdQuery(b, pq, docs...)
		})
	}
}

// evalAdQuery evaluates the query on every document per iteration and
// reports wall and CPU time per listing.
func evalAdQuery(b *testing.B, pq rego.PreparedEvalQuery, docs ...ast.Value) {
	ctx := context.Background()
	cpu := cpuTime()
	for b.Loop() {
		for _, doc := range docs {
			if _, err := pq.Eval(ctx, rego.EvalParsedInput(doc)); err != nil {
				b.Fatal(err)
			}
		}
	}
	per := float64(b.N * len(docs))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/listing")
	b.ReportMetric(float64(cpuTime()-cpu)/per, "cpu-ns/listing")
}

// cpuTime is the process's CPU time so far (user + system), in ns: on a
// shared machine it measures the work, where wall time measures the queue.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// prepareAdQuery compiles the ad rules with every lexicon grown scale
// times, and returns the query and the total number of lexicon words.
func prepareAdQuery(b *testing.B, scale int) (rego.PreparedEvalQuery, int) {
	b.Helper()
	bundle, err := policies.Load(policies.FS(), "xiaoer", false)
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, lex := range adLexicons {
		words, ok := lexiconData(bundle.Data, lex[0], lex[1])
		if !ok {
			b.Fatalf("no lexicon tables.%s.%s in the bundle", lex[0], lex[1])
		}
		growLexicon(words, lex[0], scale)
		size += len(words)
	}
	pq, err := rego.New(
		rego.Query(adQuery),
		rego.ParsedBundle("xiaoer", bundle),
		rego.SetRegoVersion(ast.RegoV1),
	).PrepareForEval(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return pq, size
}

// lexiconData is the object data.tables[table][key] of bundle data.
func lexiconData(data map[string]any, table, key string) (map[string]any, bool) {
	tables, ok := data["tables"].(map[string]any)
	if !ok {
		return nil, false
	}
	t, ok := tables[table].(map[string]any)
	if !ok {
		return nil, false
	}
	words, ok := t[key].(map[string]any)
	return words, ok
}

// growLexicon adds (scale-1) × its size filler words, each a copy of a real
// entry under a word no listing contains.
func growLexicon(words map[string]any, table string, scale int) {
	real := make([]any, 0, len(words))
	for _, entry := range words {
		real = append(real, entry)
	}
	for i := 0; i < (scale-1)*len(real); i++ {
		words[fmt.Sprintf("填充%s词%05d", table, i)] = real[i%len(real)]
	}
}
