package engine

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// patternStarts indexes, for every table with word-class patterns
// (data.tables.<table>.patterns, see policies/lib/pattern.rego), which
// patterns each word of its pattern_heads can start: those whose first
// part is one of the word's classes. The engine gives them with every head
// it finds (the run's "patterns"), so the library looks at a head's own
// patterns instead of testing every pattern of the table against every
// head of the listing, which was the largest cost of evaluating a title
// (measured in issue 13). The index is a fact of the data, built once
// when the policies load.
type patternStarts map[string]*patternTable

// patternTable is one table's index.
type patternTable struct {
	heads map[string][]string // head word → ids of the patterns it can start, sorted
	// next maps a pattern id to the class of its second part when that
	// part is a word class (not "#unit" nor "~name"): the pattern can
	// complete only where a word of that class is found.
	next map[string]string
	// classes are the classes of each word of pattern_words.
	classes map[string][]string
	// later are each pattern's parts after the first, and suffixes the
	// suffixes of each "~name" class (pattern_suffixes.<name>.suffixes):
	// what the gate asks of a listing before it counts a head
	// (patterngate.go).
	later    map[string][]string
	suffixes map[string][]string
	// reach maps a pattern id to its second part when that is a "~name"
	// part (headTerms looks for its suffixes after the head).
	reach map[string]suffixReach
}

// The lexicons whose runs the index reads.
const (
	patternHeads = "pattern_heads"
	patternWords = "pattern_words"
)

func newPatternStarts(data map[string]any) patternStarts {
	out := patternStarts{}
	tables, _ := data["tables"].(map[string]any)
	for name, t := range tables {
		table, _ := t.(map[string]any)
		heads, _ := table[patternHeads].(map[string]any)
		if len(heads) == 0 {
			continue
		}
		patterns, _ := table["patterns"].(map[string]any)
		byClass, next, later := patternParts(patterns)
		pt := &patternTable{heads: map[string][]string{}, next: next, classes: map[string][]string{},
			later: later, suffixes: suffixClasses(table)}
		pt.reach = suffixReaches(patterns, pt.suffixes)
		for word, h := range heads {
			pt.heads[word] = headPatterns(h, byClass)
		}
		words, _ := table[patternWords].(map[string]any)
		for word, w := range words {
			pt.classes[word] = classesOf(w)
		}
		out[name] = pt
	}
	return out
}

// patternParts maps a class to the ids of the patterns whose first part
// it is, a pattern id to its second part when that is a word class, and a
// pattern id to its parts after the first.
func patternParts(patterns map[string]any) (map[string][]string, map[string]string, map[string][]string) {
	byClass, next, later := map[string][]string{}, map[string]string{}, map[string][]string{}
	for id, p := range patterns {
		pattern, _ := p.(map[string]any)
		parts, _ := pattern["parts"].([]any)
		if len(parts) == 0 {
			continue
		}
		for _, part := range parts[1:] {
			s, _ := part.(string)
			later[id] = append(later[id], s)
		}
		if first, ok := parts[0].(string); ok {
			byClass[first] = append(byClass[first], id)
		}
		if len(parts) > 1 {
			if second, ok := parts[1].(string); ok && !strings.HasPrefix(second, "#") && !strings.HasPrefix(second, "~") {
				next[id] = second
			}
		}
	}
	return byClass, next, later
}

// suffixClasses are the suffixes of each class of the table's
// pattern_suffixes.
func suffixClasses(table map[string]any) map[string][]string {
	out := map[string][]string{}
	classes, _ := table["pattern_suffixes"].(map[string]any)
	for name, c := range classes {
		class, _ := c.(map[string]any)
		suffixes, _ := class["suffixes"].(map[string]any)
		for s := range suffixes {
			out[name] = append(out[name], s)
		}
		sort.Strings(out[name])
	}
	return out
}

// classesOf is the classes of an entry {"classes": [...]}.
func classesOf(entry any) []string {
	e, _ := entry.(map[string]any)
	list, _ := e["classes"].([]any)
	out := make([]string, 0, len(list))
	for _, c := range list {
		if cls, ok := c.(string); ok {
			out = append(out, cls)
		}
	}
	return out
}

// suffixReach is a "~name" second part of a pattern: the suffixes of its
// class and the pattern's gap. lib/pattern.rego looks for it in runs of 1
// to 3 tokens starting within gap tokens of the head's end, so such a run
// lies in the tokens from that end to gap+2 after it: where their text
// holds none of the suffixes, the pattern cannot complete after the head
// (most heads of treatment words, 缓解 and 治疗 before no disease), and the
// engine leaves it out of the head's patterns.
type suffixReach struct {
	suffixes []string
	gap      int
}

// suffixReaches are the "~name" second parts of patterns with a whole gap
// of 0 or more (the default 2 when absent); others are not narrowed.
func suffixReaches(patterns map[string]any, suffixes map[string][]string) map[string]suffixReach {
	out := map[string]suffixReach{}
	for id, p := range patterns {
		pattern, _ := p.(map[string]any)
		parts, _ := pattern["parts"].([]any)
		if len(parts) < 2 {
			continue
		}
		second, _ := parts[1].(string)
		gap, ok := gapOf(pattern["gap"])
		if !strings.HasPrefix(second, "~") || !ok {
			continue
		}
		out[id] = suffixReach{suffixes: suffixes[second[1:]], gap: gap}
	}
	return out
}

// gapOf is a pattern's gap (a JSON number), or the default 2 when it has
// none, and whether it is a whole number of at least 0.
func gapOf(v any) (int, bool) {
	switch n := v.(type) {
	case nil:
		return 2, true
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil && i >= 0
	case float64:
		return int(n), n == float64(int(n)) && n >= 0
	case int:
		return n, n >= 0
	}
	return 0, false
}

// within: the text of the tokens from start to gap+2 after it holds one
// of the suffixes.
func (r suffixReach) within(toks []facts.Token, start int) bool {
	if start >= len(toks) {
		return false
	}
	var b strings.Builder
	for _, tok := range toks[start:min(start+r.gap+3, len(toks))] {
		b.WriteString(tok.T)
	}
	text := b.String()
	for _, s := range r.suffixes {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// headPatterns are the ids of the patterns a head entry can start, sorted
// and without repeats.
func headPatterns(h any, byClass map[string][]string) []string {
	seen := map[string]bool{}
	var ids []string
	for _, cls := range classesOf(h) {
		for _, id := range byClass[cls] {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	return ids
}

// headRun is a run of a table's pattern_heads, waiting for the classes
// of the listing's pattern words (patternStarts.terms).
type headRun struct {
	lex   lexiconName
	at    int // index in lexiconFound.found[lex]
	field string
	i, n  int
	key   string
}

// headTerms fills in the head runs of the listing: each with the ids of
// the patterns it can start, less those whose second part is a word class
// no pattern word of the listing has (such a pattern cannot complete
// anywhere in it: lib/pattern.rego looks for that part among the found
// pattern words), and those whose second part is a "~name" part none of
// whose suffixes is in reach of the head (suffixReach). present holds, by
// table, the classes of the listing's pattern words; fields, the tokens.
func (ps patternStarts) headTerms(runs []headRun, present map[string]map[string]bool, found map[lexiconName][]*ast.Term, fields map[string]facts.Field) {
	for _, h := range runs {
		pt := ps[h.lex.table]
		var ids []*ast.Term
		for _, id := range pt.heads[h.key] {
			if cls, ok := pt.next[id]; ok && !present[h.lex.table][cls] {
				continue
			}
			if r, ok := pt.reach[id]; ok && !r.within(fields[h.field].Tokens, h.i+h.n) {
				continue
			}
			ids = append(ids, ast.StringTerm(id))
		}
		found[h.lex][h.at] = ast.ObjectTerm(
			ast.Item(keyField, ast.StringTerm(h.field)),
			ast.Item(keyI, ast.InternedTerm(h.i)),
			ast.Item(keyN, ast.InternedTerm(h.n)),
			ast.Item(keyKey, ast.StringTerm(h.key)),
			ast.Item(keyPatterns, ast.ArrayTerm(ids...)),
		)
	}
}

var keyPatterns = ast.StringTerm("patterns")
