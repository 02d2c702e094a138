package facts

//go:generate go run ./internal/genreadings

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dodges folds the spellings sellers use to get a listed word past a word
// filter back to the word: one character of it written in toneless pinyin
// (手慢wu, xiao炎, 政府zhuan供, zui低价), a numeral written in its financial
// or circled form (仅此壹次, 第①), or a zero for the letter o (n0.1).
//
// The variants are generated from the policy tables' words (NewDodges):
// each word, with one of its characters written each way it may be read.
// A run in the text folds back only where the whole word stands around
// it, so a pinyin brand or a model code (bao 保温杯, Weibo, N01) stays as
// written. The engine builds one from its tables; nil folds nothing.
type Dodges struct {
	// byForm: a written form (a pinyin syllable, a look-alike rune) →
	// the words it may stand in, longest word first.
	byForm map[string][]dodge
	// latin: an ASCII word written with a zero for an o → the word.
	latin map[string]string
	// forms: the look-alike runes some variant uses.
	forms map[rune]bool
	// splits: two adjacent Chinese characters of a word → the word cut
	// between them (see unsplit).
	splits map[string][]dodge
}

// dodge is a word with one character written another way: the text
// before and after that character, and the character.
type dodge struct {
	before, after string
	han           string
}

// lookalikes are the forms sellers write digits and numerals in.
var lookalikes = map[rune]string{
	'一': "壹①", '二': "贰②", '三': "叁③", '四': "肆④", '五': "伍⑤",
	'六': "陆⑥", '七': "柒⑦", '八': "捌⑧", '九': "玖⑨", '十': "拾⑩",
	'1': "①", '2': "②", '3': "③", '4': "④", '5': "⑤",
	'6': "⑥", '7': "⑦", '8': "⑧", '9': "⑨",
}

// lookalikeKeys marks the runes of lookalikes, of which Dodges.forms holds
// some: the cheap test of folding reads every character of every title,
// and a bit test spares the map for all but these.
var lookalikeKeys = func() *RuneKeys {
	s := &RuneKeys{}
	for _, forms := range lookalikes {
		for _, l := range forms {
			s.Add(l)
		}
	}
	return s
}()

// NewDodges generates the dodges of words (normalised, as the lexicons
// hold them). A word of one character folds only before another Chinese
// character (zui低价), a word of the prefix kind such as 最.
func NewDodges(words []string) *Dodges {
	d := &Dodges{byForm: map[string][]dodge{}, latin: map[string]string{}, forms: map[rune]bool{}, splits: map[string][]dodge{}}
	for _, w := range words {
		d.add(w)
		d.addSplits(w)
	}
	for _, ds := range d.byForm {
		sortDodges(ds)
	}
	return d
}

// sortDodges orders a form's dodges longest word first, then by word.
// Each word is joined once, not twice at every comparison: joining in the
// comparison cost about 100M instructions of every start-up.
func sortDodges(ds []dodge) {
	type keyed struct {
		around int    // len(before)+len(after)
		word   string // before+han+after
		dg     dodge
	}
	size := 0
	for _, dg := range ds {
		size += len(dg.before) + len(dg.han) + len(dg.after)
	}
	var b strings.Builder // the words side by side: one allocation, not one a word
	b.Grow(size)
	for _, dg := range ds {
		b.WriteString(dg.before)
		b.WriteString(dg.han)
		b.WriteString(dg.after)
	}
	words := b.String()
	ks := make([]keyed, len(ds))
	for i, dg := range ds {
		n := len(dg.before) + len(dg.han) + len(dg.after)
		ks[i] = keyed{len(dg.before) + len(dg.after), words[:n], dg}
		words = words[n:]
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].around != ks[j].around {
			return ks[i].around > ks[j].around
		}
		return ks[i].word < ks[j].word
	})
	for i := range ks {
		ds[i] = ks[i].dg
	}
}

func (d *Dodges) add(word string) {
	if v, ok := zeroForO(word); ok {
		d.latin[v] = word
	}
	seen := map[string]bool{}
	for i, r := range word {
		size := utf8.RuneLen(r)
		dg := dodge{before: word[:i], han: word[i : i+size], after: word[i+size:]}
		var forms []string
		if unicode.Is(unicode.Han, r) {
			forms = strings.Fields(readings[r])
		}
		for _, l := range lookalikes[r] {
			forms = append(forms, string(l))
			d.forms[l] = true
		}
		for _, f := range forms {
			if key := f + "\x00" + dg.before + dg.han; !seen[key] {
				seen[key] = true
				d.byForm[f] = append(d.byForm[f], dg)
			}
		}
	}
}

// zeroForO is word with its letter o written as a zero, when that can be
// told from a model code: the zero follows a letter and a letter or a dot
// follows it (n0.1, t0p1; not n01).
func zeroForO(word string) (string, bool) {
	b := []byte(word)
	changed := false
	for i := 1; i+1 < len(b); i++ {
		if b[i] == 'o' && isLower(b[i-1]) && (isLower(b[i+1]) || b[i+1] == '.') {
			b[i] = '0'
			changed = true
		}
	}
	return string(b), changed
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
