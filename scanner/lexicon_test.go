package scanner

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

func TestLexiconFactsListKnownRunsAndPrefixes(t *testing.T) {
	t.Parallel()
	fields := map[string]facts.Field{"title": {Tokens: []facts.Token{
		{T: "最近", S: 0, E: 6}, {T: "上新", S: 6, E: 12}, {T: "最", S: 12, E: 15}, {T: "保暖", S: 15, E: 21},
	}}}
	keys := map[string]bool{"最": true, "最保暖": true, "上新最保暖": true}
	got := lexiconFacts(fields, keys).String()
	// 上新最保暖 spans three tokens from 1; 最近 starts with 最 but is no key.
	want := `{"prefixed": [{"field": "title", "i": 0}, {"field": "title", "i": 2}], "runs": [` +
		`{"field": "title", "i": 1, "key": "上新最保暖", "n": 3}, {"field": "title", "i": 2, "key": "最", "n": 1}, ` +
		`{"field": "title", "i": 2, "key": "最保暖", "n": 2}]}`
	if got != want {
		t.Errorf("lexicon facts =\n%s\nwant\n%s", got, want)
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
	keys := lexiconKeys(data)
	want := map[string]bool{"国家级": true, "aspiration": true}
	if len(keys) != len(want) || !keys["国家级"] || !keys["aspiration"] {
		t.Errorf("keys = %v, want %v (words two levels under data.tables only)", keys, want)
	}
}

// TestUserLexiconWordIsACandidate: a word only the user's data knows must
// reach the rules, so the engine's key set comes from the merged data.
func TestUserLexiconWordIsACandidate(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "words.yaml")
	yaml := "tables:\n  ad_absolute:\n    words:\n      天花板:\n        cat: ji\n        suggestion: 写具体指标\n"
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := LoadDataFile(file)
	if err != nil {
		t.Fatal(err)
	}
	l := &listings.Listing{ID: "1", Source: "a.yaml", Title: "羽绒服天花板 加厚保暖"}
	if found, _, err := checker(t).CheckListing(context.Background(), l); err != nil || len(rulesOf(found)["ad-absolute"]) != 0 {
		t.Fatalf("embedded pack: ad-absolute = %v, %v; want no finding (天花板 is the user's word)", rulesOf(found)["ad-absolute"], err)
	}
	found, _, err := userChecker(t, 0, b).CheckListing(context.Background(), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rulesOf(found)["ad-absolute"], ","); got != "天花板" {
		t.Errorf("ad-absolute evidence = %q, want 天花板 from the user's table", got)
	}
}

// The engine's input must judge like the hand-built one (no lexicon list,
// the Rego fallback walks every token).
func TestLexiconCandidatesMatchFallback(t *testing.T) {
	t.Parallel()
	c := checker(t)
	l := &listings.Listing{ID: "1", Source: "a.yaml", Title: "全网最低价 最保暖羽绒服 万人疯抢", Description: "2023年天猫类目销量第一※。限时特惠。\n※数据来源：生意参谋，统计周期2023年1月至12月。"}
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
	ctx := context.Background()
	var want, got []Finding
	if err := evalInto(ctx, c.Engine.findings, &want, rego.EvalParsedInput(plain)); err != nil {
		t.Fatal(err)
	}
	if err := evalInto(ctx, c.Engine.findings, &got, rego.EvalParsedInput(input)); err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 || !sameFindings(want, got) {
		t.Errorf("findings with lexicon facts = %v\nwithout = %v", got, want)
	}
}

func sameFindings(a, b []Finding) bool {
	x, errA := json.Marshal(a)
	y, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(x, y)
}
