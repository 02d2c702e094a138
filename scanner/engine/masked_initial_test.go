package engine

import (
	"slices"
	"testing"
)

// A Chinese brand of three or more characters with its first character
// written as its pinyin initial (P拉达, P 拉达, a迪达斯) is masked; the letter
// glued to a Latin word (Top拉达), a two-character brand (g驰: one character
// shown) and the brand written whole are not. Latin brands still match from
// their own first letter (g*cci).
func TestScanFindsBrandsBehindTheirInitial(t *testing.T) {
	t.Parallel()
	mb := newMaskedBrands(map[string]any{"tables": map[string]any{"counterfeit": map[string]any{
		"masked_brands": map[string]any{"普拉达": true, "阿迪达斯": true, "古驰": true, "gucci": true},
	}}})
	for _, c := range []struct {
		text string
		want []string
	}{
		{"p 拉达 尼龙 双肩包", []string{"普拉达"}},
		{"p拉达 双肩包", []string{"普拉达"}},
		{"a迪达斯 运动裤", []string{"阿迪达斯"}},
		{"top拉达 双肩包", nil},
		{"g驰 腰带", nil},
		{"普拉达 双肩包", nil},
		{"p 拉 尼龙", nil},
		{"g*cci 包", []string{"gucci"}},
	} {
		var got []string
		mb.scan([]rune(c.text), func(int, int) bool { return true }, func(p, to int, brand []rune) bool {
			got = append(got, string(brand))
			return true
		})
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: found %q, want %q", c.text, got, c.want)
		}
	}
}
