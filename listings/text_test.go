package listings

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestPlainText(t *testing.T) {
	t.Parallel()
	const page = `<div id="d"><p>第一段 <b>加粗</b>&nbsp;文字</p><script>var x = "不是文字";</script>` +
		`<style>p{}</style><ul><li>一</li><li>二</li></ul>` + "最\u200b佳" + `<br>换行<table><tr><td>名</td><td>值</td></tr></table></div>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "第一段 加粗 文字\n一\n二\n最佳\n换行\n名 值"
	if got := PlainText(doc.Find("#d")); got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
	if got := OneLine(doc.Find("ul")); got != "一 二" {
		t.Errorf("OneLine = %q", got)
	}
}

func TestHTMLToText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"纯文本\n第二行\n", "纯文本\n第二行\n"},
		{"价格<100元", "价格<100元"},
		{"<p>一</p><p>二&amp;三</p>", "一\n二&三"},
		{"a &nbsp; b", "a b"},
	}
	for _, tt := range tests {
		if got := htmlToText(tt.in); got != tt.want {
			t.Errorf("htmlToText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCleanKeepsCleanStrings checks the shortcut (a clean string is its
// own result) against the copy over strings of the characters Clean
// treats specially, at every position.
func TestCleanKeepsCleanStrings(t *testing.T) {
	t.Parallel()
	parts := []string{"a", "棉", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u0085", "\u3000", "\u200b", "\ufeff", "\u00ad", "\xff", "\xe6\xa3", "\ufffd", "x y"}
	seen := 0
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				s := a + b + c
				if got, want := Clean(s), cleanCopy(s); got != want {
					t.Errorf("Clean(%q) = %q, want %q", s, got, want)
				}
				if isClean(s) {
					seen++
				}
			}
		}
	}
	if seen == 0 {
		t.Error("no string was clean: the shortcut was never taken")
	}
	for _, s := range []string{"纯棉T恤 男款", "", "a b c", "价格（元）"} {
		if !isClean(s) {
			t.Errorf("isClean(%q) = false, want true", s)
		}
	}
}
