package facts

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// words stand for the policy tables' words in these tests.
var dodgeTestWords = []string{"最", "包过", "手慢无", "消炎", "专供", "辟邪", "第一", "仅此一次", "no.1", "no1", "唯一", "保温"}

func joinedTokens(d *Dodges, text string) (string, []Token) {
	toks := Tokenize(runeTokenizer{}, d, text)
	var b strings.Builder
	for _, tk := range toks {
		b.WriteString(tk.T)
	}
	return b.String(), toks
}

// One character of a listed word written in toneless pinyin, in any place
// and for any reading, or a numeral in a look-alike form, stands for the
// word; a Latin word that only looks like a syllable (a brand, a code, a
// word not around it) stays as written.
func TestTokenizeFoldsDodgesOfListedWords(t *testing.T) {
	d := NewDodges(dodgeTestWords)
	for _, c := range []struct{ name, text, want string }{
		{"last character", "手慢wu 饭盒", "手慢无饭盒"},
		{"first character", "膏药 xiao炎镇痛", "膏药消炎镇痛"},
		{"middle of a phrase", "政府zhuan供 普洱", "政府专供普洱"},
		{"second character", "辟xie葫芦", "辟邪葫芦"},
		{"one-character prefix word", "zui低价 抽纸", "最低价抽纸"},
		{"polyphone's other reading", "bao过 二建", "包过二建"},
		{"financial numeral", "仅此壹次特价", "仅此一次特价"},
		{"circled numeral", "销量第①", "销量第一"},
		{"zero for o", "口碑n0.1 猫砂", "口碑no.1猫砂"},
		{"model code with a zero", "型号n01 猫砂", "型号n01猫砂"},
		{"syllable not in its word", "bao温杯", "保温杯"},
		{"syllable beside another word", "bao装 纸巾", "bao装纸巾"},
		{"prefix word with a space after", "zui 低价", "zui低价"},
		{"longer Latin word", "zuixin款", "zuixin款"},
		{"after a digit", "9zui低价", "9zui低价"},
		{"numeral outside a word", "壹号土猪", "壹号土猪"},
		{"brand name", "wei一 weibo一", "唯一weibo一"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, toks := joinedTokens(d, c.text)
			if want := strings.ReplaceAll(Normalize(c.want), " ", ""); got != want {
				t.Errorf("tokens of %q join to %q, want %q", c.text, got, want)
			}
			if last := toks[len(toks)-1]; last.E != len(c.text) {
				t.Errorf("last token ends at %d, want the end of the text %d", last.E, len(c.text))
			}
		})
	}
}

// Evidence quotes the seller's text: the folded character spans the pinyin
// or the look-alike it was written as.
func TestTokenizeKeepsOriginalSpansAcrossDodges(t *testing.T) {
	d := NewDodges(dodgeTestWords)
	for _, c := range []struct{ text, token, quote string }{
		{"抽纸 zui低价", "最", "zui"},
		{"饭盒 手慢wu", "无", "wu"},
		{"仅此壹次", "一", "壹"},
		{"第①名", "一", "①"},
	} {
		_, toks := joinedTokens(d, c.text)
		found := false
		for _, tk := range toks {
			if tk.T == c.token {
				found = true
				if got := c.text[tk.S:tk.E]; got != c.quote {
					t.Errorf("%s in %q spans %q, want %q", c.token, c.text, got, c.quote)
				}
			}
		}
		if !found {
			t.Errorf("no %s among the tokens of %q", c.token, c.text)
		}
	}
}

// CutText folds the same dodges Tokenize does (the prefilter relies on it).
func TestCutTextFoldsLikeTokenize(t *testing.T) {
	d := NewDodges(dodgeTestWords)
	for _, text := range []string{"手慢wu 饭盒", "仅此壹次", "口碑n0.1", "第*一 zui好", "bao温杯"} {
		got, _ := joinedTokens(d, text)
		if cut := strings.ReplaceAll(d.CutText(Normalize(text)), " ", ""); cut != got {
			t.Errorf("CutText(%q) = %q, tokens join to %q", text, cut, got)
		}
	}
	var none *Dodges
	if got := none.CutText("zui低价"); got != "zui低价" {
		t.Errorf("nil dodges fold %q", got)
	}
}

// The generated readings cover every character of the policy tables' keys:
// a table that gains a character needs `go generate ./listings/facts`.
func TestReadingsCoverPolicyTables(t *testing.T) {
	files, err := filepath.Glob("../../policies/tables/*/data.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no policy tables under ../../policies/tables: %v", err)
	}
	missing := map[rune]bool{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		walkKeys(v, func(k string) {
			for _, r := range k {
				if _, ok := readings[r]; unicode.Is(unicode.Han, r) && !ok {
					missing[r] = true
				}
			}
		})
	}
	if len(missing) > 0 {
		var b strings.Builder
		for r := range missing {
			b.WriteRune(r)
		}
		t.Errorf("characters of the policy tables without a reading: %s (run go generate ./listings/facts)", b.String())
	}
}

func walkKeys(v any, f func(string)) {
	switch t := v.(type) {
	case map[string]any:
		for k, sub := range t {
			f(k)
			walkKeys(sub, f)
		}
	case []any:
		for _, sub := range t {
			walkKeys(sub, f)
		}
	}
}

// mayFold, reading a Chinese character whole and skipping its
// continuation bytes, answers as asking every byte does (the test it
// replaced): over the promise tests' texts (fixtures, corpus titles) and
// every look-alike form after a letter, after a Chinese character, cut
// short and behind broken bytes.
func TestMayFoldReadsAsEveryByte(t *testing.T) {
	t.Parallel()
	d := NewDodges(dodgeTestWords)
	byBytes := func(s string) bool {
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 0x80:
				if i > 0 && isLower(s[i-1]) {
					return true
				}
				if r, _ := utf8.DecodeRuneInString(s[i:]); c >= 0xE0 && lookalikeKeys.MayHave(r) && d.forms[r] {
					return true
				}
			case isLower(c) && i > 0 && s[i-1] >= 0x80:
				return true
			case c == '0' && i > 0 && isLower(s[i-1]):
				return true
			}
		}
		return false
	}
	texts := promiseTexts(t)
	for _, forms := range lookalikes {
		for _, l := range forms {
			ls := string(l)
			for _, before := range []string{"", "a", "第", "\xe4", "\xe4\xb8", "1", " "} {
				texts = append(texts, before+ls, before+ls[:len(ls)-1], before+ls+"a", "仅此"+before+ls+"次")
			}
		}
	}
	folds := 0
	for _, s := range texts {
		got, want := d.mayFold(s), byBytes(s)
		if got != want {
			t.Errorf("mayFold(%q) = %v, asking every byte %v", s, got, want)
		}
		if want {
			folds++
		}
	}
	if folds < 100 {
		t.Errorf("%d texts may fold: want more, or this proves little", folds)
	}
}

// A text that may fold but folds nothing (a letter beside a Chinese
// character) is itself, with its origin, and nothing is copied; one that
// folds is folded from its first dodge on, its origin in step.
func TestFoldAllCopiesOnlyWhatFolds(t *testing.T) {
	d := NewDodges(dodgeTestWords)
	for _, text := range []string{"纯棉t恤 2024款", "iphone手机壳", "xl码 t恤"} {
		norm := Normalize(text)
		if !d.mayFold(norm) {
			t.Fatalf("%q may not fold: the test reads nothing", norm)
		}
		origin := make([]int32, len(norm)+1)
		if got, o := d.foldAll(norm, origin); got != norm || len(o) != len(origin) || &o[0] != &origin[0] {
			t.Errorf("foldAll(%q) = %q, a copy of the origin: want the text and origin themselves", norm, got)
		}
		if allocs := testing.AllocsPerRun(10, func() { d.foldAll(norm, nil) }); allocs != 0 {
			t.Errorf("foldAll(%q) allocates %v times: want none", norm, allocs)
		}
	}
	norm := Normalize("买一送一 手慢wu")
	origin := make([]int32, len(norm)+1)
	for i := range origin {
		origin[i] = int32(i)
	}
	got, o := d.foldAll(norm, origin)
	if want := "买一送一 手慢无"; got != want || len(o) != len(got)+1 || int(o[len(o)-2]) != len(norm)-2 || int(o[len(o)-1]) != len(norm) {
		t.Errorf("foldAll(%q) = %q, origin %v: want %q, 无 from wu", norm, got, o, want)
	}
}

// Every form's dodges are in the order folding tries them: the longest
// word first, then by word.
func TestDodgesLongestWordFirst(t *testing.T) {
	t.Parallel()
	d := NewDodges(append([]string{"一一", "十一", "一等奖", "第一名"}, dodgeTestWords...))
	word := func(dg dodge) string { return dg.before + dg.han + dg.after }
	checked := 0
	for form, ds := range d.byForm {
		for i := 1; i < len(ds); i++ {
			a, b := ds[i-1], ds[i]
			la, lb := len(a.before)+len(a.after), len(b.before)+len(b.after)
			if la < lb || la == lb && word(a) > word(b) {
				t.Errorf("form %q: %q before %q", form, word(a), word(b))
			}
			checked++
		}
	}
	if len(d.byForm["壹"]) < 4 || checked == 0 {
		t.Fatalf("壹 stands in %d dodges, checked %d pairs: the words gave too few to order", len(d.byForm["壹"]), checked)
	}
}
