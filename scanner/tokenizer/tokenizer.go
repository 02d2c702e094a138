// Package tokenizer cuts listing text into words with gojieba, using
// dictionaries embedded in the binary: a copied binary never needs the Go
// module cache (where gojieba looks for its dictionaries by default).
package tokenizer

import (
	"fmt"
	"sync"

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
func (j *Jieba) Tokenize(text string) []facts.Token {
	words := j.jieba.Tokenize(text, gojieba.DefaultMode, false)
	out := make([]facts.Token, len(words))
	for i, w := range words {
		out[i] = facts.Token{T: w.Str, S: w.Start, E: w.End}
	}
	return out
}

// Close frees the C++ segmenter.
func (j *Jieba) Close() {
	j.once.Do(j.jieba.Free)
}
