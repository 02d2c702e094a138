package scanner

import (
	"context"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

func TestPlatformOptionFillsOnlyMissingPlatforms(t *testing.T) {
	t.Parallel()
	s := &Scanner{Checker: checker(t), Options: Options{Platform: "tmall"}}
	for given, want := range map[string]string{"": "tmall", "generic": "tmall", "jd": "jd"} {
		l := &listings.Listing{ID: "p", Source: "p.yaml", Platform: given, Title: "纯棉T恤"}
		if r := s.checkOne(context.Background(), Input{Source: "p.yaml"}, l, false); r.Platform != want {
			t.Errorf("listing platform %q: result platform %q, want %q", given, r.Platform, want)
		}
	}
}
