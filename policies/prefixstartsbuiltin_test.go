package policies

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// prefixHitsInRego is lexicon.prefix_hits as it was before
// xiaoer.prefix_starts: every token of prefixed looked at in Rego.
const prefixHitsInRego = `package xiaoer.was.prefix

import data.xiaoer.lib.lexicon

prefix_hits(table, skip) := {c |
	some p in lexicon.prefixed
	not skip[p.field]
	name := p.field
	i := p.i
	tok := input.listing.fields[name].tokens[i]
	prefix := substring(tok.t, 0, 1)
	pre := data.tables[table].prefixes[prefix]
	not data.tables[table].words[tok.t]
	not pre.not_claims[tok.t]
	c := lexicon.prefix_hit(table, prefix, name, i)
}
`

// TestPrefixStartsAsRego: lexicon.prefix_hits gives the hits the Rego
// gave, on ad-absolute's tables: 最 alone reaching over the next word,
// 最X tokens (最牛), words of the table (最好), not_claims (最近), tokens of
// other prefixes, skipped fields, prefixed entries naming tokens or
// fields that do not exist, documents without prefixed (every token),
// and token texts that are no strings (both fail).
func TestPrefixStartsAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, prefixHitsInRego,
		`x := data.xiaoer.lib.lexicon.prefix_hits("ad_absolute", input.skip)`,
		`x := data.xiaoer.was.prefix.prefix_hits("ad_absolute", input.skip)`)
	now, was := pqs[0], pqs[1]
	fields := `{
		"title": {"tokens": [{"t": "最", "s": 0, "e": 3}, {"t": "美丽", "s": 3, "e": 9}, {"t": "最近", "s": 9, "e": 15}, {"t": "最牛", "s": 15, "e": 21}, {"t": "第一", "s": 21, "e": 27}, {"t": "最好", "s": 27, "e": 33}, {"t": "", "s": 33, "e": 33}]},
		"attributes": {"tokens": [{"t": "最牛", "s": 0, "e": 6}]},
		"odd": {"tokens": [{"t": 7, "s": 0, "e": 1}]}
	}`
	prefixed := []string{
		`[]`,
		`[{"field": "title", "i": 0}, {"field": "title", "i": 2}, {"field": "title", "i": 3}, {"field": "title", "i": 4}, {"field": "title", "i": 5}, {"field": "title", "i": 6}, {"field": "attributes", "i": 0}]`,
		`[{"field": "title", "i": 9}, {"field": "nowhere", "i": 0}, {"i": 0}, {"field": "title"}, {"field": "title", "i": "0"}]`,
		`[{"field": "odd", "i": 0}]`,
		``,
	}
	hits := 0
	for _, p := range prefixed {
		for _, skip := range []string{`{}`, `{"attributes": true}`, `{"title": true}`, `{"title": false}`} {
			lexicon := `{}`
			if p != "" {
				lexicon = `{"prefixed": ` + p + `}`
			}
			input := ast.MustParseTerm(`{"skip": ` + skip + `, "listing": {"lexicon": ` + lexicon + `, "fields": ` + fields + `}}`).Value
			got, want := answer(ctx, now, input), answer(ctx, was, input)
			if got != want {
				t.Errorf("prefix_hits with prefixed %s, skip %s = %s, want %s", p, skip, got, want)
			}
			if want != "set()" && want != "error" && want != "undefined" {
				hits++
			}
		}
	}
	if hits < 4 {
		t.Errorf("%d cases gave hits: want more", hits)
	}
}
