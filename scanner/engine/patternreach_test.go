package engine

import "testing"

// The pattern words of every table are kept in one list: a word's classes
// answer for its own table only.
func TestPatternWordsAnswerForTheirTable(t *testing.T) {
	t.Parallel()
	words := []wordAt{
		{table: "ad_medical_claim", field: "title", i: 3, classes: []string{"condition"}},
		{table: "ad_unsourced_claim", field: "title", i: 1, classes: []string{"amount"}},
	}
	reach := partReach{class: "condition", gap: 2}
	for _, tc := range []struct {
		table, field string
		start        int
		want         bool
	}{
		{"ad_medical_claim", "title", 2, true},
		{"ad_unsourced_claim", "title", 2, false}, // the word is another table's
		{"ad_medical_claim", "description", 2, false},
		{"ad_medical_claim", "title", 4, false}, // the word is before the head's end
	} {
		if got := reach.follows(tc.table, tc.field, nil, tc.start, words); got != tc.want {
			t.Errorf("follows(%s, %s, %d) = %v, want %v", tc.table, tc.field, tc.start, got, tc.want)
		}
	}
	if !hasClass(words, "ad_unsourced_claim", "amount") || hasClass(words, "ad_medical_claim", "amount") {
		t.Error("hasClass: amount is ad_unsourced_claim's class alone")
	}
}
