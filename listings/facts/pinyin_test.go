package facts

import "testing"

// A pinyin syllable glued to the Chinese character after it stands for its
// character (zui低价 is 最低价, bao过 is 包过); a Latin word that is a brand,
// a code or a word of its own stays as written.
func TestTokenizeFoldsPinyinDodges(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"zui before a word", "zui低价 抽纸", "最低价 抽纸"},
		{"bao before pass", "bao过 二建", "包过 二建"},
		{"jue before dui", "jue对正品", "绝对正品"},
		{"di before yi", "销量di一", "销量第一"},
		{"zui with a space after", "zui 低价", "zui 低价"},
		{"bao before another character", "bao温杯", "bao温杯"},
		{"longer Latin word", "zuixin款", "zuixin款"},
		{"after a digit", "9zui低价", "9zui低价"},
		{"du after pai", "排du 足贴", "排毒 足贴"},
		{"wu after man", "手慢wu 饭盒", "手慢无 饭盒"},
		{"guo after bao", "包guo 会计", "包过 会计"},
		{"xie glued on both sides", "辟xie铜葫芦", "辟邪铜葫芦"},
		{"zhuan between", "政府zhuan供", "政府专供"},
		{"yi after di", "第yi名", "第一名"},
		{"du in a Latin word", "排dus", "排dus"},
		{"du after another character", "杜du", "杜du"},
	} {
		t.Run(c.name, func(t *testing.T) {
			toks := Tokenize(runeTokenizer{}, c.text)
			got := ""
			for _, tk := range toks {
				got += tk.T
			}
			want := ""
			for _, r := range Normalize(c.want) {
				if r != ' ' {
					want += string(r)
				}
			}
			if got != want {
				t.Errorf("tokens of %q join to %q, want %q", c.text, got, want)
			}
			if last := toks[len(toks)-1]; last.E != len(c.text) {
				t.Errorf("last token ends at %d, want the end of the text %d", last.E, len(c.text))
			}
		})
	}
}

// Evidence quotes the seller's text: the folded character spans the pinyin.
func TestTokenizeKeepsOriginalSpansAcrossPinyin(t *testing.T) {
	text := "抽纸 zui低价"
	toks := Tokenize(runeTokenizer{}, text)
	for _, tk := range toks {
		if tk.T == "最" {
			if got := text[tk.S:tk.E]; got != "zui" {
				t.Fatalf("最 spans %q, want zui", got)
			}
			return
		}
	}
	t.Fatalf("no 最 among the tokens of %q", text)
}
