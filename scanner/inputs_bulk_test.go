package scanner

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/xiaoer-dev/xiaoer/scanner/fetch"
)

// pageServer serves the fixture Taobao page (GBK) with its descUrl pointed
// at itself, that description (GBK, in Taobao's `var desc='…'` wrapper),
// and the failures a bulk scan must survive. It listens on 127.0.0.1.
func pageServer(t *testing.T) *httptest.Server {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("..", "fixtures", "pages", "taobao-classic-tshirt.gbk.html"))
	if err != nil {
		t.Fatal(err)
	}
	desc, err := simplifiedchinese.GBK.NewEncoder().String(`var desc='<p>\u56fd\u5bb6\u7ea7\u5de5\u827a</p><p>面料：棉100%</p><img src="//img.alicdn.com/x.jpg">';`)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	served := bytes.ReplaceAll(page, []byte("//dscnew.taobao.com/"), []byte(s.URL+"/"))
	served = bytes.ReplaceAll(served, []byte("//descnew.taobao.com/"), []byte(s.URL+"/"))
	mux.HandleFunc("/item.htm", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=GBK")
		w.Write(served)
	})
	mux.HandleFunc("/i2/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html;charset=GBK")
		fmt.Fprint(w, desc)
	})
	mux.HandleFunc("/gone.htm", func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.ReplaceAll(served, []byte(s.URL+"/i2/"), []byte(s.URL+"/nothing/")))
	})
	mux.HandleFunc("/slow.htm", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big.htm", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(50<<20))
		w.Write(make([]byte, 1<<20))
	})
	mux.HandleFunc("/to-private.htm", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.0.0.1/item.htm", http.StatusFound)
	})
	return s
}

func TestURLInputsEachGetAClearResult(t *testing.T) {
	t.Parallel()
	s := pageServer(t)
	f := fetch.New(fetch.Options{Timeout: 2 * time.Second, Retries: -1, RatePerHost: 1000,
		Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
	paths := []string{"/item.htm?id=708123456789", "/missing.htm", "/gone.htm", "/slow.htm", "/big.htm", "/to-private.htm"}
	var urls []string
	for _, p := range paths {
		urls = append(urls, s.URL+p)
	}
	inputs := ExpandSources(Sources{URLs: urls, Fetcher: f, FetchDesc: true})
	sc := &Scanner{Checker: checker(t), Options: Options{Workers: 3}}
	got := map[string]Result{}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := sc.RunStream(ctx, inputs, StreamOptions{AsCompleted: true}, func(r Result) error {
		if _, dup := got[r.Source]; dup {
			t.Errorf("%s: two results", r.Source)
		}
		got[r.Source] = r
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantErr := map[string]string{
		"/missing.htm":    "HTTP 404 Not Found",
		"/gone.htm":       "page fetched, but its description",
		"/slow.htm":       "no complete answer within 2s",
		"/big.htm":        "over the 16 MiB limit",
		"/to-private.htm": "refused to connect to 10.0.0.1",
	}
	for _, p := range paths {
		r, ok := got[s.URL+p]
		switch {
		case !ok:
			t.Errorf("%s: no result", p)
		case wantErr[p] == "" && r.Error != nil:
			t.Errorf("%s: error %s", p, *r.Error)
		case wantErr[p] != "" && (r.Error == nil || !strings.Contains(*r.Error, wantErr[p])):
			t.Errorf("%s: error %v, want it to say %q", p, r.Error, wantErr[p])
		}
	}
	page := got[urls[0]]
	if page.Encoding != "gb18030" || page.ID != "708123456789" {
		t.Errorf("page: encoding %q, id %q", page.Encoding, page.ID)
	}
	if !hasFinding(page, "ad-absolute", "description", "国家级") {
		t.Errorf("no ad-absolute finding on 国家级 from the fetched description: %+v", page.Findings)
	}
}

func hasFinding(r Result, rule, field, evidence string) bool {
	for _, f := range r.Findings {
		if f.Rule == rule && f.Field == field && f.Evidence == evidence {
			return true
		}
	}
	return false
}

func TestExpandSourcesSplitsExportsIntoRows(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	csv := "宝贝名称,宝贝价格,宝贝描述\n纯棉T恤 国家级工艺,59,<p>透气</p>\n羊毛围巾,99,<p>保暖</p>\n"
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	shop, page, orders := write("shop.csv", csv), write("a.yaml", "title: 真丝围巾\n"), write("orders.csv", "订单编号,支付时间\n1,2026-11-11\n")
	inputs := ExpandSources(Sources{Paths: []string{page, shop, orders}})
	if len(inputs) != 4 {
		t.Fatalf("%d inputs, want 4 (a.yaml, two rows, orders.csv failing)", len(inputs))
	}
	for i, in := range inputs {
		if in.Index != i {
			t.Errorf("input %d has index %d", i, in.Index)
		}
	}
	ls, err := inputs[2].Load(context.Background())
	if err != nil || len(ls) != 1 || ls[0].Title != "羊毛围巾" || ls[0].ID != "shop.csv:3" {
		t.Errorf("second row: %v, %v", ls, err)
	}
	if _, err := inputs[3].Load(context.Background()); err == nil || !strings.Contains(err.Error(), "not a shop export") {
		t.Errorf("orders.csv: err = %v, want not a shop export", err)
	}
}

func TestReadURLs(t *testing.T) {
	t.Parallel()
	urls, err := ReadURLs(strings.NewReader("\uFEFF# 双十一 主推\nhttps://item.taobao.com/item.htm?id=1\n\n  https://detail.tmall.com/item.htm?id=2  \r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(urls) != 2 || urls[1] != "https://detail.tmall.com/item.htm?id=2" {
		t.Errorf("urls = %q", urls)
	}
}
