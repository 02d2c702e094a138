package engine

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A rule that reads its prefixes only through lib/lexicon.rego's
// prefix_hits declares prefix_hits beside them. prefix_hits takes no
// token that is a word of the table (最佳, read as a word) nor one its
// prefix's not_claims lists (最新, 最后, 最近: most titles with 最 hold
// one of those), so the gate counts a token starting with such a prefix
// only where it is neither. Where the alternative is allowed too
// (allowgate.go), a token the prefix does not extend over the next word
// (extend: 最 alone, 最为) is a hit of one token with the prefix's entry,
// and counts only where none of the entry's allow contexts holds at it.

// prefixNeed is alternative alt's prefix, read as prefix_hits reads it:
// not on a token that words or notClaims has; allow, when not nil, is
// checked on a token extend lacks.
type prefixNeed struct {
	alt                      int
	words, notClaims, extend map[string]any
	allow                    *allowNeed
}

// checkPrefixHits refuses a prefix_hits the gate cannot honour: without
// prefixes, or on tables other than a table's own prefixes (prefix_hits
// reads data.tables.<table>.prefixes).
func checkPrefixHits(n Needs) error {
	if !n.PrefixHits {
		return nil
	}
	if len(n.Prefixes) == 0 {
		return fmt.Errorf("prefix_hits: want prefixes beside it")
	}
	for _, path := range n.Prefixes {
		if _, lexicon, _ := strings.Cut(path, "."); lexicon != "prefixes" {
			return fmt.Errorf("prefix_hits: %s is no table's prefixes", path)
		}
	}
	return nil
}

// indexPrefixHits adds the prefixes of table (keys, each with its entry)
// to alternative a, as prefix_hits reads them.
func (g *gate) indexPrefixHits(data map[string]any, table string, keys map[string]any, a int) {
	words, _ := tableKeys(data, table+".words") // nil when missing: no words
	for k, entry := range keys {
		r, size := utf8.DecodeRuneInString(k)
		if size != len(k) {
			continue // prefix_hits reads a token's first character
		}
		e, _ := entry.(map[string]any)
		notClaims, _ := e["not_claims"].(map[string]any)
		extend, _ := e["extend"].(map[string]any)
		need := prefixNeed{alt: a, words: words, notClaims: notClaims, extend: extend}
		if need.allow = g.allowedNeed(data, table, entry, a); need.allow != nil {
			need.allow.prefix = true
		}
		g.hitPrefixes[k] = append(g.hitPrefixes[k], need)
		g.prefixStarts.Add(r)
	}
}

// markPrefixHit marks p's alternative for token tok (token i of field),
// or keeps it to count where its allow contexts do not hold.
func (m *marks) markPrefixHit(p *prefixNeed, field string, i int, tok string) {
	if m.prefixes[p.alt] || has(p.words, tok) || has(p.notClaims, tok) {
		return
	}
	if p.allow != nil && !has(p.extend, tok) {
		m.allowed = append(m.allowed, pendingAllowed{need: p.allow, field: field, i: i, n: 1})
		return
	}
	m.prefixes[p.alt] = true
}

// has: set holds key, with a value other than false (as Rego reads it).
func has(set map[string]any, key string) bool {
	v, ok := set[key]
	return ok && v != false
}
