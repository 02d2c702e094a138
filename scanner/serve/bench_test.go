package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkCheckTitle is one /v1/check of a one-title listing through the
// whole handler (no network): what a request costs the server's CPU.
func BenchmarkCheckTitle(b *testing.B) {
	c, err := realChecker()
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Checker: c})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	body := `{"title": "2024夏季新款纯棉短袖T恤男宽松圆领体恤 全网最低价 百搭半袖打底衫"}`
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/v1/check", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}
