package policies

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// patternHitsInRego is pattern.hits as it was before xiaoer.pattern_hits
// (comments left out). pattern.hits must answer as it did.
const patternHitsInRego = `
package xiaoer.was.pattern

import data.xiaoer.lib.lexicon

hits(table, skip) := {h |
	some head in lexicon.found(table, "pattern_heads")
	name := head.field
	not skip[name]
	some id in starting(table, head)
	p := data.tables[table].patterns[id]
	some last in tails(table, p, head)

	i := head.i
	n := (last.i + last.n) - i
	toks := input.listing.fields[name].tokens
	key := lexicon.key_at(name, i, n)
	h := {
		"field": name, "i": i, "n": n,
		"s": toks[i].s, "e": toks[(i + n) - 1].e,
		"key": key, "word": key,
		"entry": object.union(object.remove(p, ["parts", "gap", "block"]), {"pattern": id}),
	}
}

starting(table, head) := head.patterns if {
	is_array(head.patterns)
} else := [id |
	classes := data.tables[table].pattern_heads[head.key].classes
	some id, p in data.tables[table].patterns
	p.parts[0] in classes
]

tails(table, p, head) := nexts(table, p, head, 1) if {
	count(p.parts) == 2
} else := {last |
	count(p.parts) == 3
	some mid in nexts(table, p, head, 1)
	some last in nexts(table, p, mid, 2)
}

nexts(table, p, prev, k) := word_runs(table, p, prev, p.parts[k]) if {
	not regex.match("^[#~]", p.parts[k])
} else := suffixed(table, p, prev, k) if {
	startswith(p.parts[k], "~")
} else := figure_runs(table, p, prev, p.parts[k])

word_runs(table, p, prev, part) := {r |
	name := prev.field
	start := prev.i + prev.n
	last := start + object.get(p, "gap", 2)

	some r in lexicon.found(table, "pattern_words")
	i := r.i
	i >= start
	i <= last
	r.field == name
	part in data.tables[table].pattern_words[r.key].classes
	open_between(table, p, name, start, i - 1)
}

figure_runs(table, p, prev, part) := {r |
	startswith(part, "#")
	unit := substring(part, 1, -1)
	start := prev.i + prev.n
	some num in object.get(input, ["listing", "numbers"], [])
	num.unit == unit
	num.field == prev.field
	first := lexicon.figure_first(num)
	first >= start
	first <= start + object.get(p, "gap", 2)
	open_between(table, p, num.field, start, first - 1)
	r := {"field": num.field, "i": first, "n": (lexicon.figure_last(num) - first) + 1}
}

open_between(table, p, name, a, b) := true if {
	a > b
} else := true if {
	a <= b
	not blocked(table, p, name, a, b)
}

blocked(_, _, name, a, b) if lexicon.boundary_between(name, a, b)

blocked(table, p, name, a, b) if {
	some m in numbers.range(a, b)
	some cls in data.tables[table].pattern_words[input.listing.fields[name].tokens[m].t].classes
	cls in object.get(p, "block", [])
}

suffixed(table, p, prev, k) := {r |
	startswith(p.parts[k], "~")
	cls := data.tables[table].pattern_suffixes[substring(p.parts[k], 1, -1)]
	start := prev.i + prev.n
	some q in numbers.range(start, start + object.get(p, "gap", 2))
	some n in [1, 2, 3]
	key := lexicon.key_at(prev.field, q, n)
	count(input.listing.fields[prev.field].tokens) >= q + n
	count(key) > 1
	some l in numbers.range(1, count(key) - 1)
	_ = cls.suffixes[substring(key, count(key) - l, l)]
	not cls.not[key]
	open_between(table, p, prev.field, start, q - 1)
	r := {"field": prev.field, "i": q, "n": n}
}
`

// TestPatternHitsBuiltinAsRego: pattern.hits, which xiaoer.pattern_hits
// finds, gives what the Rego gave for the examples every pattern of the
// tables describes, cut two ways (into the tables' words, into
// characters), with their figures, in a document built by hand and in
// one with the engine's found runs (heads that list their patterns, for
// every other text one left out so the list is what counts), with no field skipped and with
// the title skipped.
func TestPatternHitsBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, patternHitsInRego,
		"x := data.xiaoer.lib.pattern.hits(input.table, input.skip)",
		"x := data.xiaoer.was.pattern.hits(input.table, input.skip)",
		`x := {"pattern_heads": [object.union(h, {"patterns": array.slice(data.xiaoer.lib.pattern.starting(input.table, h), input.drop, 99)}) |
			some h in data.xiaoer.lib.lexicon.found(input.table, "pattern_heads")],
			"pattern_words": data.xiaoer.lib.lexicon.found(input.table, "pattern_words")}`)
	now, was, found := pqs[0], pqs[1], pqs[2]
	hits, tables := 0, policyTables(t)
	for table, texts := range patternExamples(tables) {
		words := tableWords(tables[table])
		for k, text := range texts {
			for _, skip := range []string{`{}`, `{"title": true}`} {
				input := patternDoc(table, skip, wordCut(text, words), charCut(text))
				input.Insert(ast.StringTerm("drop"), ast.InternedTerm(k%2))
				compareHits(t, ctx, now, was, input, &hits)
				runs := ast.MustParseTerm(answer(ctx, found, input))
				engine := input.Copy()
				listing := engine.Get(ast.StringTerm("listing")).Value.(ast.Object)
				listing.Insert(ast.StringTerm("lexicon"), ast.ObjectTerm(ast.Item(ast.StringTerm("found"),
					ast.ObjectTerm(ast.Item(ast.StringTerm(table), runs)))))
				compareHits(t, ctx, now, was, engine, &hits)
			}
		}
	}
	if hits < 200 {
		t.Errorf("the examples gave %d hits: want more than 200", hits)
	}
}

func compareHits(t *testing.T, ctx context.Context, now, was rego.PreparedEvalQuery, input ast.Object, hits *int) {
	t.Helper()
	got, want := answer(ctx, now, input), answer(ctx, was, input)
	if got != want {
		t.Errorf("pattern.hits(%v)\n got %s\nwant %s", input.Get(ast.StringTerm("listing")), got, want)
	}
	if v, err := ast.ParseTerm(want); err == nil {
		if s, ok := v.Value.(ast.Set); ok {
			*hits += s.Len()
		}
	}
}

// patternExamples are the texts of the tables' pattern descriptions (each
// ends in examples), by table.
func patternExamples(tables map[string]map[string]any) map[string][]string {
	out := map[string][]string{}
	for table, data := range tables {
		patterns, _ := data["patterns"].(map[string]any)
		for _, p := range patterns {
			if d, ok := p.(map[string]any)["description"].(string); ok {
				out[table] = append(out[table], d)
			}
		}
		sort.Strings(out[table])
	}
	return out
}

// policyTables are the embedded data.tables.
func policyTables(t *testing.T) map[string]map[string]any {
	t.Helper()
	b, err := Load(FS(), "xiaoer", false)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(b.Data["tables"])
	if err != nil {
		t.Fatal(err)
	}
	var tables map[string]map[string]any
	if err := json.Unmarshal(raw, &tables); err != nil {
		t.Fatal(err)
	}
	return tables
}

// tableWords are the words of a table's lexicons a cut keeps whole.
func tableWords(table map[string]any) map[string]bool {
	words := map[string]bool{}
	for _, lex := range []string{"words", "pattern_heads", "pattern_words"} {
		m, _ := table[lex].(map[string]any)
		for w := range m {
			words[w] = true
		}
	}
	return words
}

// wordCut cuts text into the longest words (up to four characters) of
// words, runs of digits, and single characters.
func wordCut(text string, words map[string]bool) []string {
	rs := []rune(text)
	var segs []string
	for i := 0; i < len(rs); {
		n := 1
		for ; i+n < len(rs) && unicode.IsDigit(rs[i]) && unicode.IsDigit(rs[i+n]); n++ {
		}
		for k := min(4, len(rs)-i); k > n; k-- {
			if words[string(rs[i:i+k])] {
				n = k
				break
			}
		}
		segs = append(segs, string(rs[i:i+n]))
		i += n
	}
	return segs
}

// charCut cuts text into its characters.
func charCut(text string) []string {
	return strings.Split(text, "")
}

// patternDoc is a listing whose title and description are the two cuts
// of a text; every run of digits in them is a figure whose unit is the
// segment after it (the description's with the engine's token indexes).
func patternDoc(table, skip string, title, description []string) ast.Object {
	var nums []*ast.Term
	fields := ast.NewObject()
	for _, f := range []struct {
		name    string
		segs    []string
		indexed bool
	}{{"title", title, false}, {"description", description, true}} {
		var toks []*ast.Term
		offset := 0
		for i, seg := range f.segs {
			toks = append(toks, ast.MustParseTerm(mustJSON(map[string]any{"t": seg, "s": offset, "e": offset + len(seg)})))
			if i+1 < len(f.segs) && unicode.IsDigit([]rune(seg)[0]) {
				num := map[string]any{"value": 1, "unit": f.segs[i+1], "field": f.name, "s": offset, "e": offset + len(seg) + len(f.segs[i+1])}
				if f.indexed {
					num["ti"], num["tl"], num["tn"] = i, i+1, -1
				}
				nums = append(nums, ast.MustParseTerm(mustJSON(num)))
			}
			offset += len(seg)
		}
		fields.Insert(ast.StringTerm(f.name), ast.ObjectTerm(ast.Item(keyTokens, ast.ArrayTerm(toks...))))
	}
	return ast.NewObject(
		ast.Item(ast.StringTerm("table"), ast.StringTerm(table)),
		ast.Item(ast.StringTerm("skip"), ast.MustParseTerm(skip)),
		ast.Item(ast.StringTerm("kind"), ast.StringTerm("listing")),
		ast.Item(ast.StringTerm("listing"), ast.ObjectTerm(
			ast.Item(keyFields, ast.NewTerm(fields)),
			ast.Item(keyNumbers, ast.ArrayTerm(nums...)),
		)),
	)
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestPatternHitsBuiltinOddArguments: a policy calling
// xiaoer.pattern_hits with runs that are no collection gets an error; a
// table without patterns, or runs lacking an index, no hits; nothing
// panics.
func TestPatternHitsBuiltinOddArguments(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	listing := `{"fields": {"title": {"tokens": [{"t": "明天", "s": 0, "e": 6}, {"t": "涨价", "s": 6, "e": 12}]}}}`
	table := `{"patterns": {"p": {"parts": ["soon", "rise"]}}, "pattern_heads": {"明天": {"classes": ["soon"]}}, "pattern_words": {"涨价": {"classes": ["rise"]}}}`
	head, word := `{"field": "title", "i": 0, "n": 1, "key": "明天"}`, `{"field": "title", "i": 1, "n": 1, "key": "涨价"}`
	for in, want := range map[string]string{
		`{"heads": "x", "words": [], "table": {}, "listing": {}}`:                                                                                     "error",
		`{"heads": [` + head + `], "words": [` + word + `], "table": {}, "listing": ` + listing + `}`:                                                 "set()",
		`{"heads": [{"field": "title", "i": "0", "n": 1, "key": "明天"}], "words": [` + word + `], "table": ` + table + `, "listing": ` + listing + `}`: "set()",
		`{"heads": [` + head + `, 7], "words": [` + word + `], "table": ` + table + `, "listing": ` + listing + `}`:                                   `{{"e": 12, "entry": {"pattern": "p"}, "field": "title", "i": 0, "key": "明天涨价", "n": 2, "s": 0, "word": "明天涨价"}}`,
	} {
		pq, err := rego.New(rego.Query("x := xiaoer.pattern_hits(input.heads, input.words, input.table, input.listing, {\",\"}, {})"), rego.StrictBuiltinErrors(true)).PrepareForEval(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := answer(ctx, pq, ast.MustParseTerm(in).Value); got != want {
			t.Errorf("xiaoer.pattern_hits on %s = %s, want %s", in, got, want)
		}
	}
}
