package locate

import (
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

func TestFindInSourceTellsOccurrencesApart(t *testing.T) {
	t.Parallel()
	raw := "<h1>纯棉T恤 男款</h1>\n<p class=\"sub\">精梳纯棉面料 透气</p>\n<div>纯棉</div>"
	tests := []struct {
		name string
		f    finding.Finding
		want finding.Location
	}{
		{"title", finding.Finding{Evidence: "纯棉", Context: "纯棉T恤 男款"}, finding.Location{Line: 1, Column: 5}},
		{"subtitle", finding.Finding{Evidence: "纯棉", Context: "精梳纯棉面料 透气"}, finding.Location{Line: 2, Column: 18}},
		{"context not in source", finding.Finding{Evidence: "纯棉", Context: "全新纯棉"}, finding.Location{Line: 1, Column: 5}},
	}
	for _, tt := range tests {
		got, ok := findInSource(raw, tt.f)
		if !ok || got != tt.want {
			t.Errorf("%s: got %+v (found %v), want %+v", tt.name, got, ok, tt.want)
		}
	}
}
