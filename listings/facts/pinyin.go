package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// pinyinDodge is a syllable sellers write in Latin letters inside a listed
// word to dodge a word filter (zui低价, bao过, jue对, wei一): the character it
// stands for, and the characters that may follow it (empty: any Chinese
// character). Only syllables of the advertising lexicons' head characters
// are listed, and only glued to a following Chinese character, so pinyin
// brand names and model codes (bao 保温杯, Weibo) stay as written.
type pinyinDodge struct {
	han  rune
	next string
}

var pinyinDodges = map[string]pinyinDodge{
	"zui": {han: '最'},
	"bao": {han: '包', next: "过退赚赢会教拿治好"},
	"jue": {han: '绝', next: "对佳"},
	"wei": {han: '唯', next: "一"},
	"di":  {han: '第', next: "一1"},
	"guo": {han: '国', next: "家际"},
}

// foldPinyin replaces every listed pinyin syllable that stands alone as a
// Latin word and is glued to the Chinese character after it with the
// character it stands for, keeping origin (one entry per byte of norm, plus
// its end) in step, so evidence spans quote the seller's text (zui低价).
func foldPinyin(norm string, origin []int) (string, []int) {
	if !hasLatinBeforeHan(norm) {
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
// is a listed syllable not glued to a letter or digit before it and followed
// by a character it may precede.
func dodgeAt(norm string, i, j int) (rune, bool) {
	d, ok := pinyinDodges[norm[i:j]]
	if !ok || j >= len(norm) {
		return 0, false
	}
	if i > 0 && (norm[i-1] >= '0' && norm[i-1] <= '9') {
		return 0, false
	}
	next, _ := utf8.DecodeRuneInString(norm[j:])
	if d.next == "" {
		return d.han, unicode.Is(unicode.Han, next)
	}
	return d.han, strings.ContainsRune(d.next, next)
}

// hasLatinBeforeHan is the cheap test: some lower-case letter right before
// a multi-byte rune.
func hasLatinBeforeHan(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf && s[i-1] >= 'a' && s[i-1] <= 'z' {
			return true
		}
	}
	return false
}
