package facts

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// Tokenizer cuts text into words with byte offsets into the text it was given,
// in a slice of its own each call: the caller may change it (Tokenize maps
// the offsets in place). The gojieba implementation lives in
// scanner/tokenizer; tests may use a fake.
type Tokenizer interface {
	Tokenize(text string) []Token
}

// Tokenize normalises text (Normalize), folds the dodges of listed words
// back (d, nil for none; signs inside a listed word, see unsplit, too), cuts the result and maps every token's offsets
// back into the original text, so evidence spans always quote what the
// seller wrote.
func Tokenize(tk Tokenizer, d *Dodges, text string) []Token {
	if tk == nil || text == "" {
		return nil
	}
	return tokenizeNormal(tk, d, normalOf(text))
}

// tokenizeNormal is Tokenize of a text normalised (normalOf).
func tokenizeNormal(tk Tokenizer, d *Dodges, nt normalText) []Token {
	norm, origin := d.fold(d.unsplit(dropJoiners(nt.norm, nt.origin)))
	toks := tk.Tokenize(norm)
	out := toks[:0] // the tokenizer's slice, reused: 1% of a title list's bytes
	for _, t := range toks {
		if blank(t.T) {
			continue
		}
		out = append(out, Token{T: t.T, S: int(origin[t.S]), E: int(origin[t.E])})
	}
	return out
}

// blank: every character of s is a space (strings.TrimSpace(s) == "";
// a byte that is not UTF-8 is none). Asked of every token: TrimSpace took
// a Chinese token's characters from both ends, decoding each, where the
// first one answers.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// Normalize folds full-width forms to half-width (ＮＯ．１ → NO.1), maps
// traditional characters to simplified ones (頂級 → 顶级) and lower-cases
// ASCII, rune by rune, so lexicons need one spelling of each word.
func Normalize(text string) string {
	// No origin table: fingerprints normalise every finding's evidence, and
	// the table would be most of what that allocates. A text already
	// normalised (most titles are, up to some capital) is itself: its runes
	// are written as they are (a rune that is no RuneError has one
	// encoding), so nothing is copied before the first that changes.
	for i := 0; i < len(text); {
		r, size := runes.At(text, i) // see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if unchanged(r) {
			i += size
			continue
		}
		if r == utf8.RuneError || normalizeRune(r) != r {
			var b strings.Builder
			b.Grow(len(text))
			b.WriteString(text[:i])
			for _, r := range text[i:] {
				b.WriteRune(normalizeRune(r))
			}
			return b.String()
		}
		i += size
	}
	return text
}

// normalizeWithOrigin returns the normalised text and, for every byte offset
// of it (plus its end), the byte offset in text it came from. The offsets
// are int32: with one for each byte of every field they were the most that
// cutting a title allocated, and no input comes near 2 GB (the scanner
// reads 64 MiB at most); a longer text panics rather than wrap.
func normalizeWithOrigin(text string) (string, []int32) {
	if len(text) >= math.MaxInt32 {
		panic(fmt.Sprintf("facts: a text of %d bytes is too long to cut", len(text)))
	}
	var b strings.Builder
	origin := make([]int32, 0, len(text)+1)
	kept := 0 // text[kept:i] is unchanged, not yet written to b
	for i := 0; i < len(text); {
		r, size := runes.At(text, i) // see runes
		if size == 1 && unchanged(r) {
			// ASCII the tables keep: its byte is its encoding.
			origin = append(origin, int32(i))
			i++
			continue
		}
		if size == 3 && unchanged(r) {
			// A Chinese character the tables keep: its three bytes are its
			// encoding, copied with the run it is in.
			at := int32(i)
			origin = append(origin, at, at, at)
			i += 3
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(text))
		}
		b.WriteString(text[kept:i])
		if size == 0 {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		n := r
		if !unchanged(r) {
			n = normalizeRune(r)
		}
		for k := utf8.RuneLen(n); k > 0; k-- {
			origin = append(origin, int32(i))
		}
		b.WriteRune(n)
		i += size
		kept = i
	}
	origin = append(origin, int32(len(text)))
	if b.Cap() == 0 {
		return text, origin // nothing to change: the text is its normal form
	}
	b.WriteString(text[kept:])
	return b.String(), origin
}

// unchanged reports that normalizeRune keeps r, for the characters most
// text is made of: ASCII other than capitals, and the characters below the
// Halfwidth and Fullwidth Forms that no table lists (the bit test of
// traditionalKeys.MayHave). False says nothing: normalizeRune decides.
// Small enough to inline, unlike normalizeRune, which every character of
// every field would otherwise call.
func unchanged(r rune) bool {
	return r < 0xFF00 && r != '\u3000' && (r < 'A' || r > 'Z') && traditionalKeys[r>>6]&(1<<(r&63)) == 0
}

func normalizeRune(r rune) rune {
	if r < utf8.RuneSelf {
		return toLowerASCII(r)
	}
	if r == '\u3000' {
		return ' '
	}
	// Only the Halfwidth and Fullwidth Forms block folds; skipping the
	// lookup for every other rune keeps normalisation cheap on CJK text.
	if r < 0xFF00 || r > 0xFFEF {
		return simplified(r)
	}
	r = halfWidth[r-0xFF00]
	if s, ok := traditional[r]; ok {
		r = s
	}
	return toLowerASCII(r)
}

// halfWidth is width.Fold of each rune of the Halfwidth and Fullwidth
// Forms block (U+FF00 to U+FFEF), or the rune itself where it folds to
// nothing or to more than one rune. Folding each time allocated a string
// for every full-width character (7 MB of a 200,000-title scan).
var halfWidth = func() (t [0xFFF0 - 0xFF00]rune) {
	for i := range t {
		r := rune(0xFF00 + i)
		t[i] = r
		if folded := width.Fold.String(string(r)); folded != "" {
			if fr, size := utf8.DecodeRuneInString(folded); size == len(folded) {
				t[i] = fr
			}
		}
	}
	return t
}()

func toLowerASCII(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + ('a' - 'A')
	}
	return r
}
