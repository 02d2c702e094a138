package facts

import (
	"strings"
	"testing"
)

// A dash or a dot inside a listed word (消-炎, 辟.邪) is dropped, so the word
// is found whole; the same signs between other characters (中-英, a SKU's
// 白色-纯棉, a decimal point) stay.
func TestTokenizeDropsSplittersInsideListedWords(t *testing.T) {
	d := NewDodges(dodgeTestWords)
	for _, c := range []struct{ name, text, want string }{
		{"dash", "防晒喷雾 消-炎 晒后", "防晒喷雾消炎晒后"},
		{"dot", "貔貅 辟.邪 挂件", "貔貅辟邪挂件"},
		{"run of dashes", "消--炎 膏", "消炎膏"},
		{"longer word", "手-慢无 饭盒", "手慢无饭盒"},
		{"one split per word, like the other dodges", "仅-此-一次", "仅-此-一次"},
		{"not a listed word", "中-英 对照 白色-纯棉款", "中-英对照白色-纯棉款"},
		{"word not whole around it", "消-毒 液", "消-毒液"},
		{"decimal point", "3.5寸 消炎", "3.5寸消炎"},
		{"dash at the start", "-消炎", "-消炎"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, _ := joinedTokens(d, c.text)
			if want := strings.ReplaceAll(Normalize(c.want), " ", ""); got != want {
				t.Errorf("tokens of %q join to %q, want %q", c.text, got, want)
			}
			if cut := strings.ReplaceAll(d.CutText(Normalize(c.text)), " ", ""); cut != got {
				t.Errorf("CutText(%q) = %q, tokens join to %q", c.text, cut, got)
			}
		})
	}
}

// The word's tokens span the seller's text with the sign in it, so evidence
// quotes 消-炎.
func TestUnsplitKeepsOffsetsOnTheSellersText(t *testing.T) {
	text := "男女 消-炎 喷雾"
	toks := Tokenize(runeTokenizer{}, NewDodges(dodgeTestWords), text)
	var s, e int = -1, -1
	for _, tk := range toks {
		if tk.T == "消" {
			s = tk.S
		}
		if tk.T == "炎" {
			e = tk.E
		}
	}
	if s < 0 || e < 0 || text[s:e] != "消-炎" {
		t.Fatalf("tokens 消 and 炎 span %d..%d of %q, want 消-炎", s, e, text)
	}
}

// isSplitter marks the bytes of splitters and no other byte.
func TestIsSplitterIsSplitters(t *testing.T) {
	t.Parallel()
	for c := 0; c < 256; c++ {
		if got, want := isSplitter[c], strings.IndexByte(splitters, byte(c)) >= 0; got != want {
			t.Errorf("%q: splitter %v, want %v", byte(c), got, want)
		}
	}
}
