package scanner

import "testing"

func TestFindInSourceTellsOccurrencesApart(t *testing.T) {
	t.Parallel()
	raw := "<h1>纯棉T恤 男款</h1>\n<p class=\"sub\">精梳纯棉面料 透气</p>\n<div>纯棉</div>"
	tests := []struct {
		name string
		f    Finding
		want Location
	}{
		{"title", Finding{Evidence: "纯棉", Context: "纯棉T恤 男款"}, Location{Line: 1, Column: 5}},
		{"subtitle", Finding{Evidence: "纯棉", Context: "精梳纯棉面料 透气"}, Location{Line: 2, Column: 18}},
		{"context not in source", Finding{Evidence: "纯棉", Context: "全新纯棉"}, Location{Line: 1, Column: 5}},
	}
	for _, tt := range tests {
		got, ok := findInSource(raw, tt.f)
		if !ok || got != tt.want {
			t.Errorf("%s: got %+v (found %v), want %+v", tt.name, got, ok, tt.want)
		}
	}
}
