package scanner

import (
	"context"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner/config"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
	"github.com/xiaoer-dev/xiaoer/scanner/locate"
)

func TestListingIgnoresWaiveWithReasonAndReportWithout(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>国家级工艺 纯棉T恤</title></head><body>
<h1>国家级工艺 纯棉T恤</h1>
<!-- xiaoer:ignore ad-absolute -->
</body></html>`
	ls, err := ParseInput("item.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	l := ls[0]
	found, doc, err := checker(t).CheckListing(context.Background(), l)
	if err != nil {
		t.Fatal(err)
	}
	locate.All(found, l, doc)
	found = applyIgnores(found, l)
	var open, reasonless int
	for _, f := range found {
		switch {
		case f.Rule == "ad-absolute" && f.Suppressed == nil:
			open++
		case f.Rule == engine.SuppressionWithoutReason:
			reasonless++
			if f.Location == nil || f.Location.Line != 3 || f.Location.Column != 1 {
				t.Errorf("reasonless suppression located at %+v, want the comment (line 3, column 1)", f.Location)
			}
			if f.Severity != "warning" || f.Fingerprint == "" {
				t.Errorf("reasonless finding = %+v", f)
			}
		}
	}
	if open == 0 || reasonless != 1 {
		t.Errorf("open ad-absolute = %d, reasonless = %d; want the finding kept open and one report", open, reasonless)
	}

	withReason := strings.Replace(page, "ad-absolute -->", "ad-absolute 「国家级」为证书原文 -->", 1)
	ls, err = ParseInput("item.html", []byte(withReason))
	if err != nil {
		t.Fatal(err)
	}
	found, _, err = checker(t).CheckListing(context.Background(), ls[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range applyIgnores(found, ls[0]) {
		if f.Rule == "ad-absolute" && (f.Suppressed == nil || f.Suppressed.Source != "inline" || f.Suppressed.Reason != "「国家级」为证书原文") {
			t.Errorf("ad-absolute with a reasoned ignore: suppressed = %+v", f.Suppressed)
		}
		if f.Rule == engine.SuppressionWithoutReason {
			t.Error("a reasoned ignore was reported as reasonless")
		}
	}
}

func TestYAMLIgnoreIsListingSource(t *testing.T) {
	t.Parallel()
	l := &listings.Listing{ID: "a", Source: "a.yaml", Ignores: []listings.Ignore{{Rule: "ad-absolute", Reason: "商标名"}, {Rule: "material-fiber"}}}
	found := applyIgnores([]finding.Finding{{Rule: "ad-absolute"}}, l)
	if found[0].Suppressed == nil || found[0].Suppressed.Source != "listing" {
		t.Errorf("suppressed = %+v, want source listing", found[0].Suppressed)
	}
	if len(found) != 2 || found[1].Rule != engine.SuppressionWithoutReason || found[1].Details["ignored_rule"] != "material-fiber" {
		t.Errorf("findings = %+v, want a reasonless report naming material-fiber", found)
	}
}

func TestGateAppliesExceptionsThenBaseline(t *testing.T) {
	t.Parallel()
	fp := func(s string) finding.Finding {
		return finding.Finding{Rule: "ad-absolute", Severity: "error", Fingerprint: s, Exposure: finding.Exposure{PunitiveCNY: 500}}
	}
	r := Result{Source: "listings/brand/a.yaml", ID: "SKU-1", Findings: []finding.Finding{fp("f1"), fp("f2"), fp("f3"), {Rule: "ad-pressure", Severity: "warning", Fingerprint: "f4"}}}
	r.Findings[0].Suppressed = &finding.Suppression{Reason: "inline", Source: "inline"}
	g := &Gate{
		Exceptions: []config.Exception{
			{Rule: "ad-pressure", Path: "listings/brand", Reason: "活动页，法务已审"},
			{Rule: "ad-absolute", ID: "SKU-2", Reason: "not this listing"},
		},
		Paths:    &config.PathMatcher{},
		Baseline: &Baseline{path: "b.json", remaining: map[string]int{"f2": 1, "f1": 1}},
	}
	g.Apply(&r)
	want := []string{"inline", "baseline", "", "config"}
	for i, f := range r.Findings {
		got := ""
		if f.Suppressed != nil {
			got = f.Suppressed.Source
		}
		if got != want[i] {
			t.Errorf("finding %s suppressed by %q, want %q", f.Fingerprint, got, want[i])
		}
	}
	if r.Exposure.PunitiveCNY != 500 {
		t.Errorf("exposure = %+v, want the open finding's 500", r.Exposure)
	}
	if g.Baseline.remaining["f1"] != 1 {
		t.Error("an already suppressed finding used up a baseline entry")
	}
}
