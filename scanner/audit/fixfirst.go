package audit

import (
	"cmp"
	"slices"
	"strings"
)

// maxFixWords bounds the words one line of 先改这几个 quotes.
const maxFixWords = 3

// fixFirst is the FixFirst changes that remove the most risk, one line
// each: the listing, its words, what to write instead. A listing's points
// and claim go only when all its flagged words go, so a change is one
// listing, and the changes follow the ranking.
func fixFirst(ranked []*ListingView, t *PointsTable) []FixView {
	out := make([]FixView, 0, FixFirst)
	for _, v := range ranked[:min(len(ranked), FixFirst)] {
		fix := FixView{Rank: v.Rank, Title: v.Title, Why: v.Stake.Why(t)}
		var fields []string
		for _, f := range v.Findings {
			if f.Suppressed != nil {
				continue
			}
			if fix.Suggestion == "" {
				fix.Suggestion = f.Suggestion
			}
			if !slices.Contains(fields, f.Field) {
				fields = append(fields, f.Field)
			}
			if !slices.Contains(fix.Words, f.Evidence) && f.Evidence != "" {
				fix.Words = append(fix.Words, f.Evidence)
			}
		}
		fix.Field = strings.Join(fields, "、")
		if n := len(fix.Words); n > maxFixWords {
			fix.Words, fix.MoreWords = fix.Words[:maxFixWords], n-maxFixWords
		}
		fix.Suggestion = cmp.Or(fix.Suggestion, "改写或删除这几个字")
		out = append(out, fix)
	}
	return out
}
