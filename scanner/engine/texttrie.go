package engine

import "unicode/utf8"

// textTrie finds the prefilter's words in a text in one pass per starting
// character, a step per character that continues some word, where looking
// each possible length up cost a hash of the substring per length (the
// text stage runs on every title, and most characters start some word).
type textTrie struct {
	root  map[rune]int32   // first character → node
	edges map[uint64]int32 // node<<32 | next character → node
	words []*gateWord      // by node; nil where no word ends
}

func newTextTrie() *textTrie {
	return &textTrie{root: map[rune]int32{}, edges: map[uint64]int32{}}
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
	if node < 0 {
		t.root[r] = next
	} else {
		t.edges[edgeKey(node, r)] = next
	}
	return next
}

func (t *textTrie) step(node int32, r rune) (int32, bool) {
	if node < 0 {
		next, ok := t.root[r]
		return next, ok
	}
	next, ok := t.edges[edgeKey(node, r)]
	return next, ok
}

func edgeKey(node int32, r rune) uint64 { return uint64(node)<<32 | uint64(uint32(r)) }

// each calls found with every word of the trie that starts at some
// character of text, and the byte offset where it starts.
func (t *textTrie) each(text string, found func(int, *gateWord)) {
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		node := int32(-1)
		for j := i; j < len(text); {
			r, n := utf8.DecodeRuneInString(text[j:])
			next, ok := t.step(node, r)
			if !ok {
				break
			}
			if w := t.words[next]; w != nil {
				found(i, w)
			}
			node, j = next, j+n
		}
		i += size
	}
}
