package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner/config"
)

// TestEngineNamelessIsTheRegos: the engine's nameless flag
// (input.listing.lexicon.nameless) is what lib/names.rego's nameless
// answers from the same input without the flag, for a listing with a
// brand attribute, with a run of each registered_names lexicon, with
// neither, and with a name registered in the config. A flag true where
// the Rego says false would drop the name exemption of a hit.
func TestEngineNamelessIsTheRegos(t *testing.T) {
	t.Parallel()
	plain := &listings.Listing{ID: "1", Source: "t.txt", Title: "纯棉 毛巾 加厚 最好"}
	brand := *plain
	brand.Attributes = []listings.Attribute{{Name: "颜色", Value: "白"}, {Name: "品牌", Value: "最生活"}}
	other := *plain
	other.Attributes = []listings.Attribute{{Name: "颜色", Value: "白"}}
	cases := []struct {
		name string
		l    *listings.Listing
		want bool
	}{
		{"plain", plain, true},
		{"other attribute", &other, true},
		{"brand attribute", &brand, false},
		{"title mark run", &listings.Listing{ID: "2", Source: "t.txt", Title: "绘本《失眠的夜晚》最好"}, false},
		{"work run", &listings.Listing{ID: "3", Source: "t.txt", Title: "最强大脑 同款 毛巾"}, false},
		{"brand label run", &listings.Listing{ID: "4", Source: "t.txt", Title: "毛巾 品牌：最生活"}, false},
	}
	c := checker(t)
	regoNameless := namelessQuery(t)
	for _, tc := range cases {
		flag, rego := namelessBoth(t, c, regoNameless, tc.l)
		if flag != tc.want || rego != tc.want {
			t.Errorf("%s: engine's nameless %v, Rego's %v; want %v", tc.name, flag, rego, tc.want)
		}
	}
	cfg := &config.Config{RegisteredNames: []string{"至尊宝"}}
	named := userChecker(t, 0, cfg.NamesData())
	flag, rego := namelessBoth(t, named, namelessQuery(t, cfg.NamesData()), plain)
	if flag || rego {
		t.Errorf("a name registered in the config: engine's nameless %v, Rego's %v; want false", flag, rego)
	}
}

// namelessQuery prepares lib/names.rego's nameless over the embedded
// policies and the given bundles.
func namelessQuery(t *testing.T, users ...*bundle.Bundle) rego.PreparedEvalQuery {
	t.Helper()
	embedded, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	merged, err := withUserPolicies(embedded, users)
	if err != nil {
		t.Fatal(err)
	}
	pq, err := prepare(context.Background(), "x := data.xiaoer.lib.lexicon.nameless", withBundle(merged, SafeCapabilities()))
	if err != nil {
		t.Fatal(err)
	}
	return pq
}

// namelessBoth is the engine's flag for l, and what the Rego answers
// from the same input with the flag left out (undefined: false).
func namelessBoth(t *testing.T, j *judge, pq rego.PreparedEvalQuery, l *listings.Listing) (flag, answer bool) {
	t.Helper()
	in, err := j.Engine.input(j.Builder.Build(l), nil)
	if err != nil {
		t.Fatal(err)
	}
	listing := in.(ast.Object).Get(keyListing).Value.(ast.Object)
	lexicon := listing.Get(keyLexicon).Value.(ast.Object)
	v := lexicon.Get(keyNameless)
	if v == nil {
		t.Fatalf("%s: no nameless in the input", l.ID)
	}
	var kept [][2]*ast.Term
	lexicon.Foreach(func(k, v *ast.Term) {
		if !k.Equal(keyNameless) {
			kept = append(kept, ast.Item(k, v))
		}
	})
	without := withItems(in.(ast.Object), ast.Item(keyListing, ast.NewTerm(withItems(listing,
		ast.Item(keyLexicon, ast.ObjectTerm(kept...))))))
	rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(without))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) > 0 {
		answer = rs[0].Bindings["x"] == true
	}
	return bool(v.Value.(ast.Boolean)), answer
}

// TestNameDataReadsTheBrandAttributes: a brand attribute alone (its
// name's run aside, which AttributeText also gives) makes a listing
// named, from the embedded data's brand_attributes; the embedded data
// registers no name, so other attributes leave it nameless.
func TestNameDataReadsTheBrandAttributes(t *testing.T) {
	t.Parallel()
	embedded, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	nd := newNameData(embedded)
	for _, tc := range []struct {
		attrs []listings.Attribute
		want  bool
	}{
		{nil, true},
		{[]listings.Attribute{{Name: "颜色", Value: "白"}}, true},
		{[]listings.Attribute{{Name: "颜色", Value: "白"}, {Name: "品牌", Value: "最生活"}}, false},
		{[]listings.Attribute{{Name: "brand", Value: "Dior"}}, false},
	} {
		if got := nd.nameless(tc.attrs, false); got != tc.want {
			t.Errorf("nameless(%v) = %v, want %v", tc.attrs, got, tc.want)
		}
	}
	if nd.nameless(nil, true) {
		t.Error("nameless with a registered_names run = true, want false")
	}
}
