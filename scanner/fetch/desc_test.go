package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestDescriptionHTML(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, body, want string }{
		{"taobao var", `var desc='<p>纯棉面料，it\'s \u6700\u4f73</p>';`, `<p>纯棉面料，it's 最佳</p>`},
		{"double quoted", `var desc="<p>a\"b\\c</p>";`, `<p>a"b\c</p>`},
		{"surrogate pair", `var desc='\ud83d\ude00';`, "😀"},
		{"jd json", `{"date":1700000000,"content":"<div>全棉</div>"}`, `<div>全棉</div>`},
		{"jd jsonp", `showdesc({"content":"<div>全棉</div>"})`, `<div>全棉</div>`},
		{"markup", `<div>直接的HTML</div>`, `<div>直接的HTML</div>`},
	}
	for _, tt := range tests {
		if got := DescriptionHTML(tt.body); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A Tmall-style description answer: GBK bytes, a script assigning the
// markup, served from another path than the page.
func TestDescriptionFetchesAndDecodes(t *testing.T) {
	t.Parallel()
	body, err := simplifiedchinese.GBK.NewEncoder().String(`var desc='<p>面料：100%棉</p><p>国家级工艺，假一赔十</p><img src="//img.alicdn.com/x.jpg">';`)
	if err != nil {
		t.Fatal(err)
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html;charset=GBK")
		fmt.Fprint(w, body)
	}))
	defer s.Close()
	text, err := testFetcher(Options{}).Description(context.Background(), "/desc/icoss123?var=desc", s.URL+"/item.htm?id=1")
	if err != nil {
		t.Fatal(err)
	}
	if want := "面料：100%棉\n国家级工艺，假一赔十"; text != want {
		t.Errorf("text = %q, want %q", text, want)
	}
}
