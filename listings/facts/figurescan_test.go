package facts

import (
	"slices"
	"testing"
)

// figureMatches finds what the unanchored pattern finds, match for match
// and group for group, over the promise cases, the fixtures' copy, the
// corpus titles and figures written every way the pattern reads them.
func TestFigureMatchesAsThePattern(t *testing.T) {
	t.Parallel()
	texts := append(promiseTexts(t),
		"百分之五十", "百分百纯棉", "百百百分之", "1.5万+人已买", "三千五百元", "一二三", "十一", "2024年12月",
		"99.9%以上", "10w+", "10w +好评", "３亿人", "百分之", "3..5", "5-10天", "一万个不放心", "亿万", "")
	matches := 0
	for _, text := range texts {
		norm := Normalize(text)
		want, got := figurePattern.FindAllStringSubmatchIndex(norm, -1), figureMatches(norm)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%q: figureMatches %v, the pattern %v", text, got, want)
		}
		matches += len(want)
	}
	if matches < 1000 {
		t.Errorf("%d figures: want more, or this proves little", matches)
	}
}
