package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

func TestLexiconFactsListKnownRunsAndPrefixes(t *testing.T) {
	t.Parallel()
	fields := map[string]facts.Field{"title": {Tokens: []facts.Token{
		{T: "最近", S: 0, E: 6}, {T: "上新", S: 6, E: 12}, {T: "最", S: 12, E: 15}, {T: "保暖", S: 15, E: 21},
	}}, "brand": {}}
	lw := lexiconWords{
		words: map[string][]lexiconName{
			"最": {{"ad_absolute", "prefixes", 1}}, "最保暖": {{"ad_absolute", "words", 1}},
			"上新最保暖": {{"ad_absolute", "words", 1}, {"ad_pressure", "words", 2}},
			"上":     {{"ad_pressure", "words", 2}},
		},
		contextOf: map[string]uint64{"上新": 1, "保暖": 2, "最保暖": 1},
	}
	got := lexiconFacts(fields, lw, nil, allTables).String()
	// 上新最保暖 spans three tokens from 1 and is in two lexicons; 最近
	// starts with 最 but is no key; context words are grouped by their
	// first token, per field (brand has none); 上新 starts with a word
	// of a table, but of no table's prefixes.
	want := `{"context": {"title": [{"i": 1, "runs": [{"key": "上新", "n": 1}]}, ` +
		`{"i": 2, "runs": [{"key": "最保暖", "n": 2}]}, {"i": 3, "runs": [{"key": "保暖", "n": 1}]}]}, ` +
		`"found": {"ad_absolute": {"prefixes": [{"field": "title", "i": 2, "key": "最", "n": 1}], "words": [` +
		`{"field": "title", "i": 1, "key": "上新最保暖", "n": 3}, {"field": "title", "i": 2, "key": "最保暖", "n": 2}]}, ` +
		`"ad_pressure": {"words": [{"field": "title", "i": 1, "key": "上新最保暖", "n": 3}]}}, "masked": [], ` +
		`"prefixed": [{"field": "title", "i": 0}, {"field": "title", "i": 2}]}`
	if got != want {
		t.Errorf("lexicon facts =\n%s\nwant\n%s", got, want)
	}
}

func TestContextKeysAreWordsOfContexts(t *testing.T) {
	t.Parallel()
	data := map[string]any{"tables": map[string]any{"ad_absolute": map[string]any{
		"words": map[string]any{"国家级": map[string]any{"cat": "ji"}},
		"contexts": map[string]any{
			"aspiration": map[string]any{"before": map[string]any{"追求": true}, "window": 5.0},
			"state":      map[string]any{"after": map[string]any{"非物质文化遗产": true}, "sentence": map[string]any{"评定": true}},
		},
	}}}
	keys := contextKeys(data)
	if len(keys) != 3 || !keys["追求"] || !keys["非物质文化遗产"] || !keys["评定"] {
		t.Errorf("context keys = %v, want 追求, 非物质文化遗产 and 评定", keys)
	}
}

func TestLexiconKeysAreWordsOfTableObjects(t *testing.T) {
	t.Parallel()
	data := map[string]any{
		"tables": map[string]any{"ad_absolute": map[string]any{
			"words":    map[string]any{"国家级": map[string]any{"cat": "ji"}},
			"contexts": map[string]any{"aspiration": map[string]any{"before": map[string]any{"追求": true}}},
			"note":     "不是词表",
		}},
		"other": map[string]any{"x": map[string]any{"不在表里": true}},
	}
	keys := lexiconKeys(data, tableBits{"ad_absolute": 4})
	want := map[string][]lexiconName{"国家级": {{"ad_absolute", "words", 4}}, "aspiration": {{"ad_absolute", "contexts", 4}}}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys = %v, want 国家级 in ad_absolute.words and aspiration in ad_absolute.contexts (words two levels under data.tables only)", keys)
	}
}

// TestUserLexiconWordIsFound: a word only the user's data knows must
// reach the rules, so the engine's key set comes from the merged data.
func TestUserLexiconWordIsFound(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "words.yaml")
	yaml := "tables:\n  ad_absolute:\n    words:\n      绝绝子:\n        cat: ji\n        suggestion: 写具体指标\n"
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := LoadDataFile(file)
	if err != nil {
		t.Fatal(err)
	}
	l := &listings.Listing{ID: "1", Source: "a.yaml", Title: "羽绒服绝绝子 加厚保暖"}
	if found, _, err := checker(t).CheckListing(context.Background(), l); err != nil || len(rulesOf(found)["ad-absolute"]) != 0 {
		t.Fatalf("embedded pack: ad-absolute = %v, %v; want no finding (绝绝子 is the user's word)", rulesOf(found)["ad-absolute"], err)
	}
	found, _, err := userChecker(t, 0, b).CheckListing(context.Background(), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rulesOf(found)["ad-absolute"], ","); got != "绝绝子" {
		t.Errorf("ad-absolute evidence = %q, want 绝绝子 from the user's table", got)
	}
}

// The engine's input must judge like the hand-built one (no lexicon list,
// the Rego fallback walks every token), hits and exemptions alike: the
// description holds one allow-context of each kind (before, after,
// sentence, unless) and a word of four tokens (原|单|尾|货).
func TestLexiconIndexJudgesLikeTheFallback(t *testing.T) {
	t.Parallel()
	c := checker(t)
	l := &listings.Listing{ID: "1", Source: "a.yaml", Title: "全网最低价 最保暖羽绒服 万人疯抢", Description: "2023年天猫类目销量第一※。限时特惠。\n※数据来源：生意参谋，统计周期2023年1月至12月。" +
		"追求极致的做工。最佳饮用温度8℃，最好手洗。本店最大尺码XXL。能效等级：一级能效。第一次穿就爱上，国家级非物质文化遗产。" +
		"原单尾货，正品保障，假一赔十。"}
	doc := c.Builder.Build(l)
	plain, err := toAST(doc)
	if err != nil {
		t.Fatal(err)
	}
	input, err := c.Engine.Input(doc)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Compare(input) == 0 {
		t.Fatal("engine input has no lexicon facts")
	}
	// The engine's findings query builds findings with its exposures
	// (findingcall.go), as Eval gives them.
	ctx := c.Engine.withExposures(context.Background())
	var want, got []finding.Finding
	if err := evalInto(ctx, c.Engine.findings, &want, rego.EvalParsedInput(plain)); err != nil {
		t.Fatal(err)
	}
	if err := evalInto(ctx, c.Engine.findings, &got, rego.EvalParsedInput(input)); err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 || !sameFindings(want, got) {
		t.Errorf("findings with lexicon facts = %v\nwithout = %v", got, want)
	}
	// And what both give is right: every allow-context exempts its word
	// (销量第一 has its source in the footnote; 最佳, 最好, 最大, 一级,
	// 第一次, 国家级 and 极致 are exempt), and 原单尾货 is found whole.
	found, err := c.Engine.Eval(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	expect := map[string]string{"ad-absolute": "全网最低价,最保暖", "ad-pressure": "万人疯抢", "counterfeit-wording": "原单尾货",
		"promise-guarantee": "假一赔十,正品保障"}
	rules := rulesOf(found)
	for rule, evidence := range rules {
		sort.Strings(evidence)
		if strings.Join(evidence, ",") != expect[rule] {
			t.Errorf("%s: %v, want %s", rule, evidence, expect[rule])
		}
	}
	if len(rules) != len(expect) {
		t.Errorf("rules %v, want %v", rules, expect)
	}
	for _, f := range found {
		if f.Rule == "promise-guarantee" && !strings.Contains(f.Message, "原单尾货") {
			t.Errorf("promise-guarantee names no 原单尾货: %s", f.Message)
		}
	}
}

func sameFindings(a, b []finding.Finding) bool {
	x, errA := json.Marshal(a)
	y, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(x, y)
}

// The engine lists runs as long as the policies' lexicon reads them: a
// longer max_run in Rego alone would miss the longer words in every scan
// while the policy tests (which build their runs in Rego) pass.
func TestLexiconRunLengthMatchesPolicies(t *testing.T) {
	t.Parallel()
	b, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Query("data.xiaoer.lib.lexicon.max_run"), rego.ParsedBundle("xiaoer", b),
		rego.SetRegoVersion(ast.RegoV1)).Eval(context.Background())
	if err != nil || len(rs) != 1 {
		t.Fatalf("max_run: %v, %v", rs, err)
	}
	if got := fmt.Sprint(rs[0].Expressions[0].Value); got != strconv.Itoa(maxLexiconRun) {
		t.Errorf("policies' max_run = %s, engine's maxLexiconRun = %d", got, maxLexiconRun)
	}
}

// TestHeldHasAnEntryForTheLibrarysContexts: in_context answers false at
// once where held has no entry for a context, so held gives one (empty
// here: the title has none of their words) for every conjunction and
// restated context, which the library answers itself.
func TestHeldHasAnEntryForTheLibrarysContexts(t *testing.T) {
	t.Parallel()
	c := checker(t)
	library := c.Engine.lexicon.library
	for _, want := range [][2]string{{"ad_pressure", "coupon_rule"}, {"ad_medical_claim", "tested_standard"}} {
		if !slices.ContainsFunc(library, func(c libraryContext) bool { return c.table == want[0] && c.name == want[1] }) {
			t.Errorf("libraryContexts lacks %v: %v", want, library)
		}
	}
	held := heldOf(t, c, "纯棉 毛巾 加厚")
	for _, tc := range library {
		names := held.Value.(ast.Object).Get(ast.StringTerm(tc.table))
		if names == nil {
			t.Errorf("held has no table %s", tc.table)
			continue
		}
		entry := names.Value.(ast.Object).Get(ast.StringTerm(tc.name))
		if entry == nil || entry.Value.(ast.Object).Len() != 0 {
			t.Errorf("held[%s][%s] = %v, want an empty entry", tc.table, tc.name, entry)
		}
	}
}

// TestHeldKeepsTheLibrarysEntriesBesideHeldWords: a table whose contexts
// hold somewhere in the listing (马上: urgency) still has an entry for
// each of the library's contexts (coupon_rule, stated_period), empty
// here, beside the entry of the words it has.
func TestHeldKeepsTheLibrarysEntriesBesideHeldWords(t *testing.T) {
	t.Parallel()
	c := checker(t)
	held := heldOf(t, c, "纯棉 毛巾 马上 抢购")
	pressure := held.Value.(ast.Object).Get(ast.StringTerm("ad_pressure"))
	if pressure == nil {
		t.Fatal("held has no ad_pressure")
	}
	urgency := pressure.Value.(ast.Object).Get(ast.StringTerm("urgency"))
	if urgency == nil || urgency.Value.(ast.Object).Len() == 0 {
		t.Errorf("held.ad_pressure.urgency = %v, want the title's sentence", urgency)
	}
	for _, name := range []string{"coupon_rule", "stated_period"} {
		entry := pressure.Value.(ast.Object).Get(ast.StringTerm(name))
		if entry == nil || entry.Value.(ast.Object).Len() != 0 {
			t.Errorf("held.ad_pressure.%s = %v, want an empty entry", name, entry)
		}
	}
}

// heldOf is input.listing.lexicon.held of a title listing.
func heldOf(t *testing.T, c *judge, title string) *ast.Term {
	t.Helper()
	in, err := c.Engine.input(c.Builder.Build(&listings.Listing{ID: "1", Source: "t.txt", Title: title}), nil)
	if err != nil {
		t.Fatal(err)
	}
	held := in.(ast.Object).Get(ast.StringTerm("listing")).Value.(ast.Object).
		Get(ast.StringTerm("lexicon")).Value.(ast.Object).Get(ast.StringTerm("held"))
	if held == nil {
		t.Fatal("no held in the input")
	}
	return held
}
