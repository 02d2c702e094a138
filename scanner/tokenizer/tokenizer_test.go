package tokenizer

import (
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

func shared(t testing.TB) *Jieba {
	t.Helper()
	j, err := Shared()
	if err != nil {
		t.Fatalf("load tokenizer: %v", err)
	}
	return j
}

func TestTokenizeKeepsWordsWhole(t *testing.T) {
	t.Parallel()
	j := shared(t)
	tests := []struct {
		text string
		want []string // tokens that must appear whole
		not  []string // tokens that must not appear
	}{
		{"最近上新的纯棉T恤", []string{"最近"}, []string{"最"}},
		{"第一次买羽绒棉外套", []string{"第一次", "羽绒棉"}, []string{"第一"}},
		{"含绒量90%白鸭绒，充绒量180g", []string{"含绒量", "白鸭绒", "充绒量"}, nil},
		{"全网第一，现货秒发", []string{"全网第一", "现货秒发"}, nil},
		{"100%桑蚕丝睡衣", []string{"桑蚕丝"}, nil},
		{"nike耐克 TOP10 iphone11 好评99.9%", []string{"nike", "TOP10", "iphone11", "99.9"}, []string{"n", "T", "9"}},
	}
	for _, tt := range tests {
		toks := j.Tokenize(tt.text)
		for _, tok := range toks {
			if tok.T != tt.text[tok.S:tok.E] {
				t.Errorf("Tokenize(%q): token %q at %d-%d, the text there is %q", tt.text, tok.T, tok.S, tok.E, tt.text[tok.S:tok.E])
			}
		}
		got := texts(toks)
		for _, w := range tt.want {
			if !contains(got, w) {
				t.Errorf("Tokenize(%q) = %v, want token %q", tt.text, got, w)
			}
		}
		for _, w := range tt.not {
			if contains(got, w) {
				t.Errorf("Tokenize(%q) = %v, want no token %q", tt.text, got, w)
			}
		}
	}
}

func TestTokenOffsetsQuoteOriginal(t *testing.T) {
	t.Parallel()
	j := shared(t)
	text := "頂級ＮＯ．１纯棉T恤，最保暖"
	toks := facts.Tokenize(j, nil, text)
	if len(toks) == 0 {
		t.Fatal("no tokens")
	}
	var joined strings.Builder
	for _, tok := range toks {
		joined.WriteString(text[tok.S:tok.E])
	}
	if strings.ReplaceAll(text, " ", "") != joined.String() {
		t.Errorf("spans rebuild %q, want %q", joined.String(), text)
	}
	if !contains(texts(toks), "顶级") {
		t.Errorf("normalised tokens %v lack 顶级", texts(toks))
	}
}

func texts(toks []facts.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.T
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		j, err := New()
		if err != nil {
			b.Fatal(err)
		}
		j.Close()
	}
}

func BenchmarkTokenize(b *testing.B) {
	j := shared(b)
	text := strings.Repeat("2023秋冬新款纯棉长袖T恤男士宽松打底衫全网最低价，现货秒发，含绒量90%白鸭绒。", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		j.Tokenize(text)
	}
}
