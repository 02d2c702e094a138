package engine

import (
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// Statements differ where some fibre's summed share differs, or a fibre
// is in one and not the other; their parts, labels, fields and the order
// of their fibres do not make them differ.
func TestStatementsDifferByTheirShares(t *testing.T) {
	t.Parallel()
	fiber := func(st int, name string, percent float64, part string) facts.Fiber {
		return facts.Fiber{Fiber: name, Percent: percent, Part: part, Statement: st, Field: "description"}
	}
	for _, c := range []struct {
		name string
		comp []facts.Fiber
		want bool
	}{
		{"none", nil, false},
		{"one statement", []facts.Fiber{fiber(0, "棉", 95, ""), fiber(0, "氨纶", 5, "")}, false},
		{"stated twice", []facts.Fiber{fiber(0, "棉", 100, ""), fiber(1, "棉", 100, "面料")}, false},
		{"other order", []facts.Fiber{fiber(0, "棉", 95, ""), fiber(0, "氨纶", 5, ""), fiber(1, "氨纶", 5, ""), fiber(1, "棉", 95, "")}, false},
		{"summed", []facts.Fiber{fiber(0, "棉", 100, ""), fiber(1, "棉", 60, ""), fiber(1, "棉", 40, "")}, false},
		{"other share", []facts.Fiber{fiber(0, "棉", 100, ""), fiber(1, "棉", 95, ""), fiber(1, "氨纶", 5, "")}, true},
		{"other fibre", []facts.Fiber{fiber(0, "棉", 100, ""), fiber(1, "聚酯纤维", 100, "")}, true},
		{"implied", []facts.Fiber{fiber(0, "棉", 0, ""), fiber(1, "棉", 100, "")}, true},
		{"the third differs", []facts.Fiber{fiber(0, "棉", 100, ""), fiber(1, "棉", 100, ""), fiber(2, "棉", 90, "")}, true},
		{"interleaved", []facts.Fiber{fiber(0, "棉", 100, ""), fiber(1, "棉", 100, ""), fiber(0, "氨纶", 5, "")}, true},
	} {
		if got := hasDifferingStatements(&facts.ListingFacts{Composition: c.comp}); got != c.want {
			t.Errorf("%s: differ %v, want %v", c.name, got, c.want)
		}
	}
}
