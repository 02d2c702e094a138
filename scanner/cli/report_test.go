package cli_test

import (
	"encoding/json"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

func decodeReport(t *testing.T, s string) report.Report {
	t.Helper()
	var r report.Report
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatalf("decode JSON report: %v\n%s", err, s)
	}
	return r
}
