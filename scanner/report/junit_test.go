package report

import (
	"encoding/xml"
	"testing"
)

func TestJUnitCountsEveryInput(t *testing.T) {
	t.Parallel()
	var got junitSuites
	if err := xml.Unmarshal(render(t, "junit", sampleReport()), &got); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	if len(got.Suites) != 4 {
		t.Fatalf("%d testsuites, want one per result (4)", len(got.Suites))
	}
	if got.Tests != 6 || got.Failures != 3 || got.Skipped != 1 || got.Errors != 1 {
		t.Errorf("totals tests=%d failures=%d skipped=%d errors=%d, want 6/3/1/1", got.Tests, got.Failures, got.Skipped, got.Errors)
	}
	clean := got.Suites[3]
	if len(clean.Cases) != 1 || clean.Cases[0].Failure != nil {
		t.Errorf("clean listing = %+v, want one passing testcase", clean)
	}
	if f := got.Suites[0].Cases[0].Failure; f == nil || f.Type != "error" {
		t.Errorf("first finding = %+v, want a failure of type error", f)
	}
}
