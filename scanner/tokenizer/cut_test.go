package tokenizer

import (
	"testing"

	"github.com/yanyiwu/gojieba"
)

// Tokenize reads word offsets off gojieba's Cut, whose words are slices of
// the text it was given: they must be where gojieba's Tokenize puts them,
// word for word, or every span would quote the wrong bytes.
func TestCutSlicesText(t *testing.T) {
	t.Parallel()
	j := shared(t)
	for _, text := range []string{
		"nike耐克 TOP10 iphone11 好评99.9%",
		"【正品】頂級纯棉T恤 男 2024新款 ～ 包邮！！",
		"x", "  两个空格  ", "9.9.9 a.b 1.",
		"bad \xff\xfe utf-8 棉",
	} {
		cut := j.jieba.Cut(text, false)
		want := j.jieba.Tokenize(text, gojieba.DefaultMode, false)
		if len(cut) != len(want) {
			t.Errorf("%q: Cut gives %d words, Tokenize %d", text, len(cut), len(want))
			continue
		}
		for i, w := range cut {
			if s := offsetIn(text, w); w != want[i].Str || s != want[i].Start || s+len(w) != want[i].End {
				t.Errorf("%q word %d: Cut %q at %d, Tokenize %q at %d-%d", text, i, w, s, want[i].Str, want[i].Start, want[i].End)
			}
		}
	}
}
