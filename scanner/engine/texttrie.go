package engine

import (
	"unicode"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// textTrie finds the prefilter's words in a text in one pass per starting
// character, a step per character that continues some word, where looking
// each possible length up cost a hash of the substring per length (the
// text stage runs on every title, and most characters start some word).
//
// A step from the root reads an array indexed by the character (a
// character beyond the Basic Multilingual Plane, a map). A step further
// asks a bitset first: most steps find no edge, and the bit of an edge
// that is not there is clear but for a few (edgeBits of them), so the
// table of edges is read only where an edge may be.
type textTrie struct {
	root     []int32        // BMP character → node+1 (0: none)
	rootHigh map[rune]int32 // the other first characters → node
	edges    *edgeTable     // node<<32 | next character → node
	edgeSet  []uint64       // edgeBit(node, next character) of every edge
	words    []*gateWord    // by node; nil where no word ends
}

// edgeBits is the log2 of the size of edgeSet: 2^20 bits (128 KB) for
// some tens of thousands of edges.
const edgeBits = 20

func newTextTrie() *textTrie {
	return &textTrie{root: make([]int32, 0x10000), rootHigh: map[rune]int32{}, edges: newEdgeTable(),
		edgeSet: make([]uint64, 1<<edgeBits/64)}
}

// add puts word in the trie (no-op for ""), its entry made on first use.
func (t *textTrie) add(word string) *gateWord {
	node := int32(-1)
	for _, r := range word {
		node = t.child(node, r)
	}
	if node < 0 {
		return &gateWord{}
	}
	if t.words[node] == nil {
		t.words[node] = &gateWord{}
	}
	return t.words[node]
}

// child is the node after node (-1: the root) on r, made when missing.
func (t *textTrie) child(node int32, r rune) int32 {
	if next, ok := t.step(node, r); ok {
		return next
	}
	next := int32(len(t.words))
	t.words = append(t.words, nil)
	switch {
	case node >= 0:
		t.edges.put(edgeKey(node, r), next)
		b := edgeBit(node, r)
		t.edgeSet[b/64] |= 1 << (b % 64)
	case r >= 0 && r < 0x10000:
		t.root[r] = next + 1
	default:
		t.rootHigh[r] = next
	}
	return next
}

func (t *textTrie) step(node int32, r rune) (int32, bool) {
	if node < 0 {
		return t.first(r)
	}
	return t.after(node, r)
}

// first is the node of r from the root (small enough to inline: each asks
// it of every character).
func (t *textTrie) first(r rune) (int32, bool) {
	if r >= 0 && r < 0x10000 {
		return t.root[r] - 1, t.root[r] != 0
	}
	next, ok := t.rootHigh[r]
	return next, ok
}

// after is the node after node on r: the bitset first, the table only
// where the bit is set, both from one hash (each writes it out).
func (t *textTrie) after(node int32, r rune) (int32, bool) {
	key := edgeKey(node, r)
	if h := edgeHash(key); t.mayHaveEdge(h) {
		return t.edges.get(key, h)
	}
	return 0, false
}

// mayHaveEdge: the bit of an edge whose key's hash is h is set.
func (t *textTrie) mayHaveEdge(h uint64) bool {
	b := h >> (64 - edgeBits)
	return t.edgeSet[b/64]&(1<<(b%64)) != 0
}

func edgeKey(node int32, r rune) uint64 { return uint64(node)<<32 | uint64(uint32(r)) }

// edgeBit is the bit of an edge in edgeSet: the top bits of its key's
// hash (edgeHash), as mayHaveEdge reads it.
func edgeBit(node int32, r rune) uint64 { return edgeHash(edgeKey(node, r)) >> (64 - edgeBits) }

// each calls found with every word of the trie that starts at some
// character of a text, chars as trieText.read reads them (whitespace left
// out: no word holds any), and the byte offsets in the text where it
// starts and ends. The characters are read once: most
// characters start some word and go on to the next, and decoding the next
// one again at each step from each start, looking for whitespace before
// it, cost the walk more than its steps. The walk from a start is
// inline: most characters start some word, and a call for each cost the
// text stage more than its steps. Reading through the whitespace spares
// it a copy of half the titles.
func (t *textTrie) each(chars []trieChar, found func(int, int, *gateWord)) {
	for k, c := range chars {
		node, ok := t.first(c.r)
		for m := k; ok; {
			if w := t.words[node]; w != nil {
				found(int(c.at), int(chars[m].end), w)
			}
			if m++; m >= len(chars) {
				break
			}
			key := edgeKey(node, chars[m].r) // after, written out: it is too big to inline
			if h := edgeHash(key); t.mayHaveEdge(h) {
				node, ok = t.edges.get(key, h)
			} else {
				ok = false
			}
		}
	}
}

// trieText keeps, between texts, the characters textTrie.each reads, and
// every rune of the text (its masked brands read those: noteText).
type trieText struct {
	chars []trieChar
	runes []rune
}

// trieChar is a character of a text and the byte offsets where it
// starts and ends.
type trieChar struct {
	r       rune
	at, end int32
}

// read are the characters of text but the whitespace and NUL ones (those
// withoutSpace drops); tt.runes are then all of its runes, decoded as
// runes.At and utf8.DecodeRuneInString decode them. A text has no more
// characters than bytes: the lists are made that long at once and
// written by index, where an append per character cost more than the
// decoding.
func (tt *trieText) read(text string) []trieChar {
	if cap(tt.chars) < len(text) {
		tt.chars, tt.runes = make([]trieChar, len(text)), make([]rune, len(text))
	}
	chars, all, n, k := tt.chars[:len(text)], tt.runes[:len(text)], 0, 0
	for i := 0; i < len(text); {
		r, size := runes.At(text, i) // see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		all[k] = r
		k++
		if !mayBeSpace(text[i]) || r != 0 && !unicode.IsSpace(r) { // dropped where mayBeSpace and whitespace or NUL
			chars[n] = trieChar{r, int32(i), int32(i + size)}
			n++
		}
		i += size
	}
	tt.runes = all[:k]
	return chars[:n]
}
