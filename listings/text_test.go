package listings

import (
	"slices"
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

// cleanLines drops the empty lines of text whose lines are clean, and
// cleans the rest as it did.
func TestCleanLinesKeepsCleanText(t *testing.T) {
	t.Parallel()
	slow := func(s string) string {
		var out []string
		for _, line := range strings.Split(s, "\n") {
			if line = Clean(line); line != "" {
				out = append(out, line)
			}
		}
		return strings.Join(out, "\n")
	}
	kept := 0
	for _, s := range []string{"", "\n", "棉100%", "棉100%\n限时抢购，随时涨价。", "a\n\nb", "a \nb", " a\nb", "a\nb\n", "a\n b", "a\u3000\nb", "a\r\nb", "多  空格\n行", "\n\n限时\n\n\n抢购\n"} {
		if got, want := cleanLines(s), slow(s); got != want {
			t.Errorf("cleanLines(%q) = %q, want %q", s, got, want)
		}
		if linesClean(s) {
			kept++
		}
	}
	if kept != 7 {
		t.Errorf("%d texts with clean lines, want 7", kept)
	}
}

// A set keeps the first of equal pairs, in order, however long it grows.
func TestAttrSetDropsDuplicates(t *testing.T) {
	t.Parallel()
	var set attrSet
	var want []Attribute
	for i := range 3 * maxScannedAttrs {
		a := Attribute{Name: "属性" + string(rune('a'+i%26)) + string(rune('0'+i/26)), Value: "值"}
		set.add(a.Name, a.Value)
		set.add(" "+a.Name+"：", a.Value+" ") // the same pair, written otherwise
		want = append(want, a)
		for _, b := range want[max(0, len(want)-3):] {
			set.add(b.Name, b.Value) // again, after others
		}
	}
	set.add("材质", "")
	if !slices.Equal(set.list, want) {
		t.Errorf("got %d pairs, want %d: %v", len(set.list), len(want), set.list)
	}
}
