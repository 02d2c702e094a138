package engine

import (
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// TestHeldHasAnEntryForTheLibrarysContexts: in_context answers false at
// once where held has no entry for a context, so held gives one (empty
// here: the title has none of their words) for every conjunction and
// restated context, which the library answers itself.
func TestHeldHasAnEntryForTheLibrarysContexts(t *testing.T) {
	t.Parallel()
	c := checker(t)
	library := c.Engine.lexicon.library
	for _, want := range [][2]string{{"ad_pressure", "coupon_rule"}, {"ad_medical_claim", "tested_standard"}} {
		if !slices.Contains(library, want) {
			t.Errorf("libraryContexts lacks %v: %v", want, library)
		}
	}
	in, err := c.Engine.input(c.Builder.Build(&listings.Listing{ID: "1", Source: "t.txt", Title: "纯棉 毛巾 加厚"}), nil)
	if err != nil {
		t.Fatal(err)
	}
	held := in.(ast.Object).Get(ast.StringTerm("listing")).Value.(ast.Object).
		Get(ast.StringTerm("lexicon")).Value.(ast.Object).Get(ast.StringTerm("held"))
	if held == nil {
		t.Fatal("no held in the input")
	}
	for _, tc := range library {
		names := held.Value.(ast.Object).Get(ast.StringTerm(tc[0]))
		if names == nil {
			t.Errorf("held has no table %s", tc[0])
			continue
		}
		entry := names.Value.(ast.Object).Get(ast.StringTerm(tc[1]))
		if entry == nil || entry.Value.(ast.Object).Len() != 0 {
			t.Errorf("held[%s][%s] = %v, want an empty entry", tc[0], tc[1], entry)
		}
	}
}
