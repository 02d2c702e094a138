package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// spanFreeInRego is the filter ad-unsourced-claim applied to its pattern
// hits before xiaoer.span_free: shadowed, a walk of every candidate.
const spanFreeInRego = `package xiaoer.was.spans

span_free(hits, others) := {h | some h in hits; not shadowed(h, others)}

shadowed(h, others) if {
	some c in others
	c.e == h.e
	c.s == h.s
	c.field == h.field
}
`

// TestSpanFreeBuiltinAsRego: the hits kept are the ones the Rego kept,
// for hits and others over two fields and a few spans (an end written
// 6.0, a hit lacking its end), as sets and as arrays.
func TestSpanFreeBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, spanFreeInRego,
		`x := xiaoer.span_free(input.hits, input.others)`,
		"x := data.xiaoer.was.spans.span_free(input.hits, input.others)")
	now, was := pqs[0], pqs[1]
	var spans []string
	for _, field := range []string{"title", "description"} {
		for _, se := range []string{`"s": 0, "e": 3`, `"s": 0, "e": 6`, `"s": 3, "e": 6.0`, `"s": 3`} {
			spans = append(spans, fmt.Sprintf(`{"field": %q, %s, "word": "w"}`, field, se))
		}
	}
	dropped := 0
	for k := range spans {
		hits := "[" + strings.Join(spans[k:min(k+3, len(spans))], ", ") + "]"
		for m := range spans {
			others := "{" + strings.Join(spans[m:min(m+2, len(spans))], ", ") + `, {"field": "title", "s": 3, "e": 6}}`
			input := ast.MustParseTerm(fmt.Sprintf(`{"hits": %s, "others": %s}`, hits, others)).Value
			got, want := answer(ctx, now, input), answer(ctx, was, input)
			if got != want {
				t.Errorf("span_free(%s, %s) = %s, want %s", hits, others, got, want)
			}
			if strings.Count(want, `"field"`) < strings.Count(hits, `"field"`) {
				dropped++
			}
		}
	}
	if dropped < 10 {
		t.Errorf("only %d cases drop a hit: the test reaches too little", dropped)
	}
}
