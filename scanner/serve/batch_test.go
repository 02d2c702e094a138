package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

func TestBatchKeepsOrderAndBadItems(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	body := `[
  {"title": "本店销量第一 最好的纯棉T恤"},
  {"title": "帽子", "colour": "红"},
  {"id": "BAG", "title": "高仿名牌包包 原单"},
  {"title": "普通的帆布鞋"}
]`
	res, raw := post(t, ts.URL+"/v1/check/batch?source=shop/listings.json", "application/json", body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, raw)
	}
	var got batchResponse
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Results) != 4 {
		t.Fatalf("%d results, want 4", len(got.Results))
	}
	ids := []string{}
	for i, r := range got.Results {
		if r.Input != i {
			t.Errorf("result %d has input %d", i, r.Input)
		}
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"listings-1", "", "BAG", "listings-4"}) {
		t.Errorf("ids %q", ids)
	}
	if e := got.Results[1].Error; e == nil || !strings.Contains(*e, `line 3, column 19: unknown key "colour"`) {
		t.Errorf("bad item's error %v, want its line and column in the body", e)
	}
	if !slices.Contains(rules(got.Results[0].Findings), "ad-absolute") || !slices.Contains(rules(got.Results[2].Findings), "counterfeit-wording") {
		t.Errorf("findings %v / %v", rules(got.Results[0].Findings), rules(got.Results[2].Findings))
	}
	if loc := got.Results[2].Findings[0].Location; loc == nil || loc.File != "shop/listings.json" || loc.Line != 4 {
		t.Errorf("location %+v, want shop/listings.json line 4", loc)
	}
	if got.Summary.Inputs != 4 || got.Summary.Errors != 1 || got.Summary.Listings != 3 {
		t.Errorf("summary %+v", got.Summary)
	}
}

func TestBatchJSONLinesInAndOut(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	body := "{\"title\": \"假一赔十 高仿手表 原单\"}\n\n{\"title\": \n{\"title\": \"纯棉床单\"}\n"
	res, raw := post(t, ts.URL+"/v1/check/batch", "application/x-ndjson", body)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/x-ndjson") {
		t.Fatalf("status %d %s: %s", res.StatusCode, res.Header.Get("Content-Type"), raw)
	}
	var results []scanner.Result
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		results = append(results, decodeResult(t, sc.Bytes()))
	}
	if len(results) != 3 {
		t.Fatalf("%d lines, want 3: %s", len(results), raw)
	}
	if results[1].Error == nil || !strings.Contains(*results[1].Error, "bad JSON at line 3") {
		t.Errorf("line 3's error: %v", results[1].Error)
	}
	if !slices.Contains(rules(results[0].Findings), "counterfeit-wording") || results[2].Title != "纯棉床单" {
		t.Errorf("results %v, %q", rules(results[0].Findings), results[2].Title)
	}
}

func TestBatchYAMLList(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	res, raw := post(t, ts.URL+"/v1/check/batch", "application/yaml", "- title: 国家级羊绒围巾\n- title: 普通围巾\n")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, raw)
	}
	var got batchResponse
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Results) != 2 || !slices.Contains(rules(got.Results[0].Findings), "ad-absolute") {
		t.Fatalf("results %+v", got.Results)
	}
}
