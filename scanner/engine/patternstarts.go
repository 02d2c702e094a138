package engine

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/policies"
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
	// reach maps a pattern id to what its second part needs after the
	// head (patternreach.go).
	reach map[string]partReach
	// index is the table's place among the tables, sorted by name;
	// classBit and wordBits are each class's bit and the bits of each
	// pattern word's classes (classbits.go); wordStems end the runs
	// tableClasses looks up early (nil: every run is looked up).
	index     int
	classBit  map[string]uint64
	wordBits  map[string]uint64
	wordStems runStems
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
		pt.reach = partReaches(patterns, pt.suffixes)
		for word, h := range heads {
			pt.heads[word] = headPatterns(h, byClass)
		}
		words, _ := table[patternWords].(map[string]any)
		for word, w := range words {
			pt.classes[word] = classesOf(w)
		}
		pt.indexClassBits()
		out[name] = pt
	}
	names := make([]string, 0, len(out))
	for name := range out {
		names = append(names, name)
	}
	sort.Strings(names)
	for i, name := range names {
		out[name].index = i
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
	lex lexiconName
	at  int // index in lexiconFound.found
	run runAt
}

// headTerms fills in the head runs of the listing: each with the ids of
// the patterns it can start, less those whose second part cannot follow
// it (partReach: no word of its class, or no suffix of its class, within
// the pattern's gap after the head; lib/pattern.rego looks there and
// nowhere else), and, for a pattern whose gap is not a whole number, less
// those whose second part is a word class no pattern word of the listing
// has.
func (ps patternStarts) headTerms(lf *lexiconFound) {
	for _, h := range lf.heads {
		pt, r := ps[h.lex.table], h.run
		var ids []*ast.Term
		for _, id := range pt.heads[r.key] {
			if reach, ok := pt.reach[id]; ok {
				if !reach.follows(h.lex.table, r.field, lf.fields[r.field].Tokens, r.i+r.n, lf.wordsAt) {
					continue
				}
			} else if cls, ok := pt.next[id]; ok && !hasClass(lf.wordsAt, h.lex.table, cls) {
				continue
			}
			ids = append(ids, ast.StringTerm(id))
		}
		lf.found[h.at].term = lf.slab.object(
			ast.Item(keyField, r.fieldTerm),
			ast.Item(keyI, ast.InternedTerm(r.i)),
			ast.Item(keyN, ast.InternedTerm(r.n)),
			ast.Item(keyKey, r.keyTerm),
			ast.Item(keyPatterns, lf.slab.array(ids...)),
		)
	}
}

var keyPatterns = policies.KeyTerm("patterns")
