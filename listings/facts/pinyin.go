package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// pinyinDodge is a syllable sellers write in Latin letters inside a listed
// word to dodge a word filter (zui低价, bao过, jue对, wei一; 排du, 包guo): the
// character it stands for glued to the Chinese character after it (han,
// when that character is in next; empty next: any), and the one it stands
// for glued to the character before it (after, when that one is in prev).
// Only syllables of the advertising lexicons' characters are listed, and
// only glued to a listed neighbour, so pinyin brand names and model codes
// (bao 保温杯, Weibo) stay as written.
type pinyinDodge struct {
	han   rune
	next  string
	after rune
	prev  string
}

var pinyinDodges = map[string]pinyinDodge{
	"zui": {han: '最'},
	"bao": {han: '包', next: "过退赚赢会教拿治好"},
	"jue": {han: '绝', next: "对佳"},
	"wei": {han: '唯', next: "一"},
	"di":  {han: '第', next: "一1"},
	"guo": {han: '国', next: "家际", after: '过', prev: "包保"},
	// Round thirteen (issue 12, blind sets 12m/12n): the syllables of the
	// other families' list words, on either side of the Chinese part.
	"xiao":  {han: '消', next: "炎毒肿"},
	"du":    {after: '毒', prev: "排消解祛"},
	"wu":    {han: '无', next: "副敌", after: '无', prev: "慢"},
	"gao":   {han: '高', next: "仿"},
	"fu":    {han: '复', next: "刻"},
	"kai":   {han: '开', next: "运光"},
	"xie":   {after: '邪', prev: "辟驱避"},
	"wen":   {han: '稳', next: "赚赢拿"},
	"zhuan": {han: '专', next: "供用"},
	"te":    {han: '特', next: "供效"},
	"shou":  {han: '首', next: "选"},
	"ding":  {han: '顶', next: "级配尖"},
	"zhi":   {han: '治', next: "愈疗"},
	"yi":    {after: '一', prev: "第唯"},
}

// foldPinyin replaces every listed pinyin syllable that stands alone as a
// Latin word and is glued to the Chinese character after it with the
// character it stands for, keeping origin (one entry per byte of norm, plus
// its end) in step, so evidence spans quote the seller's text (zui低价).
func foldPinyin(norm string, origin []int) (string, []int) {
	if !hasLatinNextToHan(norm) {
		return norm, origin
	}
	var b strings.Builder
	b.Grow(len(norm))
	out := make([]int, 0, len(origin))
	for i := 0; i < len(norm); {
		j := i
		for j < len(norm) && norm[j] >= 'a' && norm[j] <= 'z' {
			j++
		}
		if j == i {
			_, size := utf8.DecodeRuneInString(norm[i:])
			b.WriteString(norm[i : i+size])
			out = append(out, origin[i:i+size]...)
			i += size
			continue
		}
		if han, ok := dodgeAt(norm, i, j); ok {
			b.WriteRune(han)
			for k := 0; k < utf8.RuneLen(han); k++ {
				out = append(out, origin[i])
			}
		} else {
			b.WriteString(norm[i:j])
			out = append(out, origin[i:j]...)
		}
		i = j
	}
	out = append(out, origin[len(norm)])
	return b.String(), out
}

// dodgeAt reports the character the Latin word norm[i:j] stands for, if it
// is a listed syllable not glued to a digit before it and glued to a
// character it may precede (zui低价) or follow (排du).
func dodgeAt(norm string, i, j int) (rune, bool) {
	d, ok := pinyinDodges[norm[i:j]]
	if !ok {
		return 0, false
	}
	if i > 0 && (norm[i-1] >= '0' && norm[i-1] <= '9') {
		return 0, false
	}
	if d.han != 0 && j < len(norm) {
		next, _ := utf8.DecodeRuneInString(norm[j:])
		if d.next == "" && unicode.Is(unicode.Han, next) || d.next != "" && strings.ContainsRune(d.next, next) {
			return d.han, true
		}
	}
	if d.after != 0 && i > 0 && (j == len(norm) || !isASCIIAlnum(norm[j])) {
		prev, _ := utf8.DecodeLastRuneInString(norm[:i])
		if strings.ContainsRune(d.prev, prev) {
			return d.after, true
		}
	}
	return 0, false
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// hasLatinNextToHan is the cheap test: some lower-case letter right before
// or right after a multi-byte rune.
func hasLatinNextToHan(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf && s[i-1] >= 'a' && s[i-1] <= 'z' || s[i] >= 'a' && s[i] <= 'z' && s[i-1] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
