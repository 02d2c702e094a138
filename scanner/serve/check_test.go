package serve

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestCheckJSONListing(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	res, raw := post(t, ts.URL+"/v1/check", "application/json",
		`{"id": "T-1", "title": "全网最低价 纯棉T恤 假一赔十", "price": 59, "attributes": {"材质成分": "棉95% 氨纶5%"}}`)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, raw)
	}
	r := decodeResult(t, raw)
	if r.ID != "T-1" || r.Source != "request" || r.Error != nil {
		t.Fatalf("result %+v", r)
	}
	var abs *struct{ start, end int }
	for _, f := range r.Findings {
		if f.Rule == "ad-absolute" && f.Evidence == "全网最低价" {
			abs = &struct{ start, end int }{f.Span.Start, f.Span.End}
			if !strings.Contains(f.Basis.Law, "广告法") || f.Exposure.FineCNY[1] != 1_000_000 {
				t.Errorf("basis %+v exposure %+v", f.Basis, f.Exposure)
			}
		}
	}
	if abs == nil || abs.start != 0 || abs.end != len("全网最低价") {
		t.Fatalf("no ad-absolute finding on 全网最低价 at bytes 0-15: %v", rules(r.Findings))
	}
	if !slices.Contains(rules(r.Findings), "material-fiber") { // 纯棉 vs 棉95%
		t.Errorf("no material-fiber finding: %v", rules(r.Findings))
	}
}

func TestCheckHTMLInDeclaredCharset(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	page := `<html><head><title>店</title></head><body><h1>高仿名牌包包 复刻版 全国最低价</h1></body></html>`
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	res, raw := post(t, ts.URL+"/v1/check?platform=taobao", "text/html; charset=gbk", gbk)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, raw)
	}
	r := decodeResult(t, raw)
	if r.Title != "高仿名牌包包 复刻版 全国最低价" || r.Platform != "taobao" {
		t.Fatalf("title %q platform %q encoding %q", r.Title, r.Platform, r.Encoding)
	}
	if !slices.Contains(rules(r.Findings), "counterfeit-wording") {
		t.Errorf("no counterfeit-wording finding: %v", rules(r.Findings))
	}
}

func TestCheckYAMLAndPlatform(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{Platform: "jd"})
	yaml := "title: 羊毛大衣 100%羊毛\nattributes:\n  材质成分: 羊毛70% 聚酯纤维30%\n"
	res, raw := post(t, ts.URL+"/v1/check", "application/yaml", yaml)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, raw)
	}
	r := decodeResult(t, raw)
	if r.Platform != "jd" { // the server's default platform
		t.Errorf("platform %q, want jd", r.Platform)
	}
	if !slices.Contains(rules(r.Findings), "material-fiber") {
		t.Errorf("100%%羊毛 against 羊毛70%%: %v", rules(r.Findings))
	}
	// ?platform= does not override a listing that names its own.
	_, raw = post(t, ts.URL+"/v1/check?platform=pdd", "application/yaml", "platform: tmall\n"+yaml)
	if r := decodeResult(t, raw); r.Platform != "tmall" {
		t.Errorf("platform %q, want the listing's tmall", r.Platform)
	}
}

func TestCheckWantsOneListing(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	res, raw := post(t, ts.URL+"/v1/check", "application/json", `[{"title": "a"}, {"title": "b"}]`)
	msg := wantError(t, res, raw, http.StatusBadRequest, CodeOneListing)
	if !strings.Contains(msg, "/v1/check/batch") {
		t.Errorf("message does not point at the batch endpoint: %s", msg)
	}
	res, raw = post(t, ts.URL+"/v1/check", "application/json", `{"id": "x"}`)
	wantError(t, res, raw, http.StatusUnprocessableEntity, CodeNoListing)
	res, raw = post(t, ts.URL+"/v1/check", "text/html", "   ")
	wantError(t, res, raw, http.StatusUnprocessableEntity, CodeNoListing)
}

// TestCheckJSONWithRawControlCharacters: valid JSON whose strings hold raw
// C1 controls (as scraped titles do) is checked, not refused as bad YAML.
func TestCheckJSONWithRawControlCharacters(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	res, raw := post(t, ts.URL+"/v1/check", "application/json", "{\"title\": \"复古油头\u0086大背头神器 全网最低价\"}")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, raw)
	}
	if r := decodeResult(t, raw); !slices.Contains(rules(r.Findings), "ad-absolute") {
		t.Errorf("findings %v", rules(r.Findings))
	}
}

// TestNeverFetchesURLs: URLs in a listing or a page (its url, desc_url, the
// description script Taobao pages carry) are recorded, never fetched.
func TestNeverFetchesURLs(t *testing.T) {
	t.Parallel()
	var hits atomic.Int32
	bait := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte("var desc='<p>国家级 纯棉</p>';"))
	}))
	defer bait.Close()
	ts := newTestServer(t, Options{})
	listing := `{"title": "纯棉T恤", "url": "` + bait.URL + `/item", "desc_url": "` + bait.URL + `/desc"}`
	if res, raw := post(t, ts.URL+"/v1/check", "application/json", listing); res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, raw)
	}
	page := `<html><body><h3 class="tb-main-title">纯棉T恤</h3><script>g_config = {descUrl: "` + bait.URL + `/desc.js"};</script>` +
		`<img src="` + bait.URL + `/a.jpg"></body></html>`
	if res, raw := post(t, ts.URL+"/v1/check", "text/html", page); res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, raw)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server fetched %d URLs a caller sent", n)
	}
}
