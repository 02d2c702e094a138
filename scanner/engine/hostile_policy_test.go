package engine

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// TestHostileUserRules: each rule of testdata/policies/hostile tries what a
// user rule may not do; each costs one error finding of that rule, naming
// its file and the reason, while the embedded findings and the honest user
// rule's finding stand.
func TestHostileUserRules(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("testdata", "policies", "hostile")
	j, err := newJudge(Options{Bundles: []*bundle.Bundle{loadDir(t, dir, false)}})
	if err != nil {
		t.Fatal(err)
	}
	l := &listings.Listing{ID: "hostile", Source: "hostile.yaml", Title: "全网最好的纯棉T恤"}
	found, _, err := j.CheckListing(context.Background(), l)
	if err != nil {
		t.Fatalf("the listing failed whole: %v", err)
	}
	byRule := map[string][]string{}
	for _, f := range found {
		msg := f.Message
		if f.RuleFailed() {
			msg = "FAILED " + msg
		}
		byRule[f.Rule] = append(byRule[f.Rule], msg)
	}
	if len(byRule["ad-absolute"]) != 1 || strings.HasPrefix(byRule["ad-absolute"][0], "FAILED") {
		t.Errorf("ad-absolute: %q, want the embedded finding alone (no hijacked one)", byRule["ad-absolute"])
	}
	if got := byRule["hostile-honest"]; len(got) != 1 || got[0] != "全网" {
		t.Errorf("hostile-honest: %q, want its own finding", got)
	}
	for rule, want := range map[string]string{
		"hijack":    `rule "ad-absolute": a user rule reports only under its own id "hostile-hijack"`,
		"suppress":  "carries a suppression",
		"wrongtype": "shape: json: cannot unmarshal string into Go struct field",
		"evidence":  `evidence "国家级" is not the text of field title at [0,6)`,
		"exposure":  "exposure figure 1e+15",
		"fails":     "divide by zero",
		"builtin":   "xiaoer.finding: operand 2 must be object but got string",
	} {
		id, file := "hostile-"+rule, filepath.Join(dir, rule+".rego")
		got := byRule[id]
		if len(got) != 1 || !strings.HasPrefix(got[0], "FAILED ") || !strings.Contains(got[0], file) || !strings.Contains(got[0], want) {
			t.Errorf("%s: %q, want one failure naming %s and %q", id, got, file, want)
		}
	}
}

// TestMemoryHogStopsAtItsBudget: a user rule building gigabytes for one
// listing costs that listing an error finding of the rule; the embedded
// findings of the listing stand and its neighbour is judged whole.
func TestMemoryHogStopsAtItsBudget(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("testdata", "policies", "memory")
	j, err := newJudge(Options{Bundles: []*bundle.Bundle{loadDir(t, dir, false)}, Memory: 64 << 20, Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"hog", "calm"} {
		l := &listings.Listing{ID: id, Source: id + ".yaml", Title: "全网最好的纯棉T恤"}
		found, _, err := j.CheckListing(context.Background(), l)
		if err != nil {
			t.Fatalf("%s failed whole: %v", id, err)
		}
		stopped, embedded := false, false
		for _, f := range found {
			stopped = stopped || f.Rule == "memory-hog" && f.RuleFailed() && strings.Contains(f.Message, ErrEvalMemory.Error())
			embedded = embedded || f.Rule == "ad-absolute"
		}
		if !embedded || stopped != (id == "hog") {
			t.Errorf("%s: findings %+v; want ad-absolute, and the memory budget's error only for hog", id, found)
		}
	}
}
