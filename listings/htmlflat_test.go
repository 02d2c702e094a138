package listings

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// parsedText is htmlToText's answer through the parser alone.
func parsedText(t *testing.T, s string) string {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return PlainText(doc.Find("body"))
}

// agreeFlat checks that where flatText answers s, the parser's text is
// the same, and says whether it answered.
func agreeFlat(t *testing.T, s string) bool {
	t.Helper()
	got, ok := flatText(s)
	if ok {
		if want := parsedText(t, s); got != want {
			t.Errorf("flatText(%q) = %q, the parser's text %q", s, got, want)
		}
	}
	return ok
}

func TestFlatTextAsTheParser(t *testing.T) {
	t.Parallel()
	answered := []string{
		`<p>面料：棉100%</p><p>选用优质面料，做工精细。</p><img src="//img.alicdn.com/imgextra/i1/0.jpg">`,
		"<p>一</p>\r\n<p>二&amp;三&nbsp;四</p>",
		`<div><p>a<div>b</div>c</p>d</div>e`,
		`<p>a<p>b</p></p>c`,
		`<p><span>红<b>色</b></span><br>蓝<br/>绿</p>`,
		`前言<!-- 注释 --><p>正文</p>后记`,
		`<b>粗<i>斜</i></b><p>段</p>`,
		`  <p>  开头有空格  </p>  `,
		`<P>大写</P><DIV>块</DIV>`,
		`价格&lt;100元`,
		`<p>未闭合`,
	}
	for _, s := range answered {
		if !agreeFlat(t, s) {
			t.Errorf("flatText(%q) declined flat markup", s)
		}
	}
	declined := []string{
		`<table><tr><td>名</td></tr>外</table>`, // text fostered out of the table
		`<b>a<p>b</b>c</p>`,                   // misnested formatting
		`<p><b>a</p>b</b>`,
		`<h1>a<h2>b</h2>c</h1>d`, // an end tag the parser ignores
		`a</div>b`,
		`<title>t</title><p>x</p>`,
		`<script>x</script>y`,
		`<!DOCTYPE html><p>x</p>`,
		`<p/>x`,
		`<a href="#">链接</a>`,
		"<p>a\x00b</p>",
		`<b><div>x</div></b>`,
		`<ul><li>一<li>二</ul>`,
		`x</br>y`,
		`<span>未闭合<p>`,
		`<span/>x`,
		`<!-- a --!> b -->c`, // the tokenizer ends the comment at --!>
		`<!-->x-->`,
	}
	for _, s := range declined {
		if agreeFlat(t, s) {
			t.Errorf("flatText(%q) answered markup the parser may rearrange", s)
		}
	}
}

// TestFlatTextOnTagSoup checks flatText against the parser on random
// markup of its tags and some it declines, text and entities between.
func TestFlatTextOnTagSoup(t *testing.T) {
	t.Parallel()
	parts := []string{"<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<b>", "</b>", "<strong>",
		"</strong>", "<i>", "</i>", "<br>", "<img src=x>", "<font color=red>", "</font>", "<a>", "</a>",
		"<td>", "</td>", "<table>", "<li>", "<h1>", "</h1>", "<!--c-->", "</br>", "<br/>", "<span/>",
		"<p class=\"a>b\">", "<img src='x'/>", "<p\n>", "</p >", "<!---->", "<!-->", "<!--->", "--!>", "-->",
		"<!--", "<", "</", "</>", "<?x>", "<1", "&#13;", "\r", "&amp", "&notit;", "<br/ >", "<p/x>", "<b c=d/>",
		"<span a=b>", "<i x>", "<u a='1'b>", "<P>", "</B>", "<em\t/>", "=", "\"", "'", ">", "/",
		"文", "字 ", " ", "\n", "\r\n", "&nbsp;", "&amp;", "&lt;", "\u3000", "a<1", "\u200b"}
	r := rand.New(rand.NewPCG(41, 13))
	answered := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(14) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		if agreeFlat(t, b.String()) {
			answered++
		}
	}
	if answered < 1000 {
		t.Errorf("flatText answered %d of 20000 soups: the test compares too little", answered)
	}
}

// TestFlatTextOnExportDescriptions compares the two on the description
// cells of the exports in the fixtures and, when it is there, the corpus.
func TestFlatTextOnExportDescriptions(t *testing.T) {
	t.Parallel()
	paths, _ := filepath.Glob(filepath.Join("..", "fixtures", "exports", "*"))
	if dir := os.Getenv("XIAOER_CORPUS"); dir != "" {
		more, _ := filepath.Glob(filepath.Join(dir, "*", "*.csv"))
		paths = append(paths, more...)
	} else {
		t.Log("corpus exports not compared: XIAOER_CORPUS not set")
	}
	cells := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		e, err := ReadExport(p, raw)
		if err != nil {
			continue
		}
		for i := range e.Len() {
			if d := e.cell(i, "description"); looksLikeHTML(d) {
				agreeFlat(t, d)
				cells++
			}
		}
	}
	if cells == 0 {
		t.Error("no description with HTML compared")
	}
}
