package facts

import (
	"slices"
	"strings"
	"testing"
)

// figureMatches finds what the unanchored pattern finds, match for match
// and group for group, over the promise cases, the fixtures' copy, the
// corpus titles and figures written every way the pattern reads them,
// with every unit (and its first byte alone) and every floor after it.
func TestFigureMatchesAsThePattern(t *testing.T) {
	t.Parallel()
	texts := append(promiseTexts(t),
		"百分之五十", "百分百纯棉", "百百百分之", "1.5万+人已买", "三千五百元", "一二三", "十一", "2024年12月",
		"99.9%以上", "10w+", "10w +好评", "３亿人", "百分之", "3..5", "5-10天", "一万个不放心", "亿万", "",
		"百分之a", "百分之1.5", "1.", "1.x", "三点", "三十点五", "三十点", "三十点两", "10\t万", "10 w +", "10w", "10w ",
		"10 多", "10\n+", "10\r\n+", "百分百分", "百分之百分百", "十\u00a0万", "3 万 + 件", "3\f万", "两万", "两三", "百分之两")
	for _, u := range figureUnits {
		for _, fig := range []string{"10", "10 ", "1.5万+ ", "百分之五十", "三千多"} {
			for _, floor := range []string{"", "以", "x", "+", "以上", "多"} {
				texts = append(texts, fig+u+floor, "新款"+fig+u+floor+"宝宝", fig+u[:1]+floor)
			}
		}
	}
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

// AppendFigureUnits gives each figure's unit, and also the unit it has
// where the tokens take the unit away (a token running past it), when
// the figure without it is still one.
func TestAppendFigureUnitsWithAndWithoutTheUnit(t *testing.T) {
	t.Parallel()
	cases := map[string][]string{
		"10万家庭":        {"家", ""},
		"3岁宝宝":         {"岁"}, // 3 alone is no figure
		"98%的学生":       {"%"}, // 98 alone is no figure
		"1000+人已买":     {"人", ""},
		"2024新款 学生":    nil,
		"百分之九十 纯棉 3亿人": {"%", "人", ""},
		"13英寸 笔记本":     {"英寸"},
		"":             nil,
	}
	for text, want := range cases {
		if got := AppendFigureUnits(nil, Normalize(text)); !slices.Equal(got, want) {
			t.Errorf("%q: units %q, want %q", text, got, want)
		}
	}
}

// FuzzFigureMatchesAsThePattern: on any text, the hand-read figures are
// the pattern's, groups and all (go test runs the seeds; go test -fuzz
// searches further).
func FuzzFigureMatchesAsThePattern(f *testing.F) {
	for _, s := range []string{"百分之五十", "1.5万+人已买", "10 w +好评", "三十点五", "3 万 + 件", "十\u00a0万", "99.9%以上"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		norm := Normalize(text)
		want, got := figurePattern.FindAllStringSubmatchIndex(norm, -1), figureMatches(norm)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%q: figureMatches %v, the pattern %v", text, got, want)
		}
	})
}

// figureStartIn finds what strings.IndexFunc(s, StartsFigure) finds, for
// every rune after and before other text, and in texts with invalid bytes.
func TestFigureStartInIsIndexFunc(t *testing.T) {
	t.Parallel()
	check := func(s string) {
		if got, want := figureStartIn(s), strings.IndexFunc(s, StartsFigure); got != want {
			t.Fatalf("figureStartIn(%q) = %d, IndexFunc %d", s, got, want)
		}
	}
	for r := rune(0); r <= 0x10FFFF+1; r++ {
		check("纯棉" + string(r) + "x")
		check(string(r) + "三")
	}
	for _, s := range []string{"", "\xff1", "\xe4\xb8", "\xe4\xb8一", "棉\xe4\xb8\xe4万", "abc", "x\xe4\xb8\x80"} {
		check(s)
	}
}

// figureMatches lists figureScan's matches as FindAllStringSubmatchIndex
// gives them, for comparing with the pattern.
func figureMatches(norm string) [][]int {
	var out [][]int
	sc := figureScan{norm: norm}
	for m, more := sc.next(); more; m, more = sc.next() {
		out = append(out, slices.Clone(m[:]))
	}
	return out
}
