package scanner

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

// testChecker is shared by the package's tests: compiling policies and
// loading gojieba once keeps the suite fast.
var testChecker = sync.OnceValues(func() (*Checker, error) {
	fixed := time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	return NewChecker(context.Background(), engine.Options{}, func() time.Time { return fixed })
})

func checker(t testing.TB) *Checker {
	t.Helper()
	c, err := testChecker()
	if err != nil {
		t.Fatalf("checker: %v", err)
	}
	return c
}

func TestCheckListingQuotesEvidence(t *testing.T) {
	t.Parallel()
	l := &listings.Listing{ID: "1", Source: "t.yaml", Title: "国家级工艺 全网最低 纯棉T恤", Price: listings.Price{Min: 199}}
	found, doc, err := checker(t).CheckListing(context.Background(), l)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Listing.Price.Amount != 199 {
		t.Errorf("price amount = %v", doc.Listing.Price.Amount)
	}
	var evidence []string
	for _, f := range found {
		if f.Rule == "ad-absolute" {
			evidence = append(evidence, f.Evidence)
			if l.Title[f.Span.Start:f.Span.End] != f.Evidence {
				t.Errorf("span %v quotes %q, evidence %q", f.Span, l.Title[f.Span.Start:f.Span.End], f.Evidence)
			}
			if f.Exposure.PunitiveCNY != 597 {
				t.Errorf("punitive = %v, want 3 × 199", f.Exposure.PunitiveCNY)
			}
			if f.Fingerprint == "" {
				t.Error("no fingerprint")
			}
		}
	}
	if len(evidence) != 2 || evidence[0] != "国家级" || evidence[1] != "全网最低" {
		t.Errorf("ad-absolute evidence = %q, want [国家级 全网最低]", evidence)
	}
}
