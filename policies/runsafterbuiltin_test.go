package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// runsAfterInRego is the walk ad-unsourced-claim made before
// xiaoer.runs_after: every figure's next token (lexicon.figure_next),
// then the runs of its field that start 0 to gap tokens after it.
const runsAfterInRego = `package xiaoer.was.after

import data.xiaoer.lib.lexicon

runs_after(figures, runs, gap) := {[num, r] |
	some num in figures
	next := lexicon.figure_next(num)
	some r in runs
	r.field == num.field
	r.i >= next
	r.i <= next + gap
}
`

// TestRunsAfterBuiltinAsRego: the pairs are the ones the Rego found, for
// figures whose next token is every token of two fields (and none), runs
// starting at each of them, and gaps of 0 to 2.
func TestRunsAfterBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, runsAfterInRego,
		`x := {p | some p in xiaoer.runs_after(input.figures, input.runs, input.gap)}`,
		"x := data.xiaoer.was.after.runs_after(input.figures, input.runs, input.gap)")
	now, was := pqs[0], pqs[1]
	var runs []string
	for _, field := range []string{"title", "description"} {
		for i := 0; i <= 8; i += 2 {
			runs = append(runs, fmt.Sprintf(`{"field": %q, "i": %d, "n": 1, "key": "k%d"}`, field, i, i))
		}
	}
	paired := 0
	for tn := -1; tn <= 9; tn++ {
		figures := fmt.Sprintf(`[{"field": "title", "s": 0, "e": 3, "ti": 0, "tl": 0, "tn": %d},
			{"field": "description", "s": 3, "e": 6, "ti": 1, "tl": 1, "tn": %d}]`, tn, (tn+3)%10)
		for gap := 0; gap <= 2; gap++ {
			input := ast.MustParseTerm(fmt.Sprintf(`{"figures": %s, "runs": [%s], "gap": %d}`, figures, strings.Join(runs, ","), gap)).Value
			got, want := answer(ctx, now, input), answer(ctx, was, input)
			if got != want {
				t.Errorf("pairs with next tokens %d, gap %d = %s, want %s", tn, gap, got, want)
			}
			if want != "set()" {
				paired++
			}
		}
	}
	if paired < 20 {
		t.Errorf("only %d cases pair anything: the test reaches too little", paired)
	}
}

// TestRunsAfterBuiltinUndefined: figures without an index of their next
// token (written by hand), runs without an integer start, or a gap that
// is no integer leave the call undefined, for the rule's Rego to take.
func TestRunsAfterBuiltinUndefined(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now := prepareBeside(t, "", `x := xiaoer.runs_after(input.figures, input.runs, input.gap)`)[0]
	fig, run := `{"field": "title", "tn": 2}`, `{"field": "title", "i": 2}`
	for _, c := range []struct{ figures, runs, gap, want string }{
		{"[" + fig + "]", "[" + run + "]", "1", `[[` + fig + `, ` + run + `]]`},
		{`[{"field": "title", "s": 0, "e": 3}]`, "[" + run + "]", "1", "undefined"},
		{"[" + fig + "]", `[{"field": "title", "i": "2"}]`, "1", "undefined"},
		{"[" + fig + "]", "[" + run + "]", "1.5", "undefined"},
		{"{}", "[" + run + "]", "1", "undefined"},
	} {
		input := ast.MustParseTerm(fmt.Sprintf(`{"figures": %s, "runs": %s, "gap": %s}`, c.figures, c.runs, c.gap)).Value
		if got := answer(ctx, now, input); got != c.want {
			t.Errorf("runs_after(%s, %s, %s) = %s, want %s", c.figures, c.runs, c.gap, got, c.want)
		}
	}
}
