//go:build cgo

// Package tokenizer cuts listing text into words with gojieba, using
// dictionaries embedded in the binary: a copied binary never needs the Go
// module cache (where gojieba looks for its dictionaries by default).
package tokenizer

import (
	"fmt"
	"strings"
	"sync"
	"unsafe"

	"github.com/yanyiwu/gojieba"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// Jieba is a gojieba segmenter with xiaoer's domain dictionary. Tokenize is
// safe for concurrent use: cppjieba's cutting is read-only after loading.
type Jieba struct {
	jieba *gojieba.Jieba
	once  sync.Once
}

// New loads the embedded dictionaries (unpacked once into a cache directory)
// and returns a ready segmenter. A load failure is an error, never a crash.
func New() (*Jieba, error) {
	dir, err := unpackDicts()
	if err != nil {
		return nil, fmt.Errorf("load gojieba dictionaries: %w", err)
	}
	j, err := newJieba(dictPaths(dir))
	if err != nil {
		return nil, fmt.Errorf("load gojieba dictionaries from %s: %w", dir, err)
	}
	return &Jieba{jieba: j}, nil
}

// newJieba turns gojieba's panic on a missing file into an error.
func newJieba(paths []string) (j *gojieba.Jieba, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return gojieba.NewJieba(paths...), nil
}

// Shared is the process-wide segmenter, loaded on first use: loading costs
// tens of milliseconds and ~100 MB, so every worker shares one.
var Shared = sync.OnceValues(New)

// Tokenize cuts text in precise mode without HMM guessing, so unknown words
// stay single characters and lexicon sequences (最 + 保暖) stay matchable.
//
// A NUL separates words like a space: cppjieba reads C strings, so text
// handed over with a NUL (JSON "\u0000", YAML "\0") would end there and
// hide every word after it. One byte for one keeps every offset.
func (j *Jieba) Tokenize(text string) []facts.Token {
	if strings.IndexByte(text, 0) >= 0 {
		text = strings.ReplaceAll(text, "\x00", " ")
	}
	// Cut cuts as Tokenize in the default mode does (cppjieba's Cut), but
	// hands back the words as strings of text itself, where Tokenize
	// builds a 40-byte Word for each: 2% of what a title list's scan
	// allocated.
	words := j.jieba.Cut(text, false)
	out := make([]facts.Token, 0, len(words))
	for i, w := range words {
		tok := facts.Token{T: w, S: offsetIn(text, w)}
		tok.E = tok.S + len(w)
		if n := len(out); n > 0 && joinsASCIIRun(out[n-1], tok, text, words[i+1:]) {
			// The run's words lie side by side in text: their join is a
			// slice of it, not a string made for every character.
			out[n-1].T = text[out[n-1].S:tok.E]
			out[n-1].E = tok.E
			continue
		}
		out = append(out, tok)
	}
	return out
}

// offsetIn is the byte offset of word in text, word being a slice of it
// (gojieba's Cut returns slices of the string it was given, never copies;
// TestCutSlicesText holds it to that).
func offsetIn(text, word string) int {
	return int(uintptr(unsafe.Pointer(unsafe.StringData(word))) - uintptr(unsafe.Pointer(unsafe.StringData(text))))
}

// joinsASCIIRun reports whether word w continues the ASCII word or number
// before it (rest: the words of text after w). Without HMM, cppjieba cuts
// unknown Latin words and numbers into single characters (n i k e, 9 9 .
// 9); brands, models and figures must stay whole (nike, top10, iphone11,
// 99.9).
func joinsASCIIRun(prev, w facts.Token, text string, rest []string) bool {
	if prev.E != w.S || len(w.T) != 1 || !isASCIIWord(prev.T) {
		return false
	}
	c := w.T[0]
	if isAlnum(c) {
		return true
	}
	// A decimal point joins only between digits.
	last := prev.T[len(prev.T)-1]
	return c == '.' && last >= '0' && last <= '9' && len(rest) > 0 &&
		offsetIn(text, rest[0]) == w.E && rest[0] != "" && rest[0][0] >= '0' && rest[0][0] <= '9'
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && s[i] != '.' {
			return false
		}
	}
	return s != ""
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// Close frees the C++ segmenter.
func (j *Jieba) Close() {
	j.once.Do(j.jieba.Free)
}
