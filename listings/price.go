package listings

import (
	"strconv"
	"strings"
)

// rangeSeparators join the two ends of a price range.
var rangeSeparators = []string{"-", "~", "～", "—", "–", "－", "至", "到"}

// ParsePrice reads a price text such as "149.00 - 159.00", "¥129",
// "￥99.00-129.00" or "¥ 1,299.00起". A single price has Min == Max. It
// reports false when the text holds no number.
func ParsePrice(text string) (Price, bool) {
	text = Clean(text)
	nums, gaps := priceNumbers(text)
	if len(nums) == 0 {
		return Price{}, false
	}
	p := Price{Min: nums[0], Max: nums[0], Currency: currencyOf(text), Text: text}
	if len(nums) > 1 && isRangeSeparator(gaps[0]) && nums[1] >= nums[0] {
		p.Max = nums[1]
	}
	return p, true
}

// priceNumbers returns the numbers in text and the text between each
// number and the next.
func priceNumbers(text string) ([]float64, []string) {
	var nums []float64
	var gaps []string
	last := -1
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		j := numberEnd(text, i)
		v, err := strconv.ParseFloat(strings.ReplaceAll(text[i:j], ",", ""), 64)
		if err == nil {
			if last >= 0 {
				gaps = append(gaps, text[last:i])
			}
			nums = append(nums, v)
			last = j
		}
		i = j
	}
	return nums, gaps
}

// numberEnd is where the number starting at text[i] ends: digits, thousands
// commas followed by three digits, and one decimal point.
func numberEnd(text string, i int) int {
	dot := false
	for i < len(text) {
		c := text[i]
		switch {
		case isDigit(c):
		case c == '.' && !dot && i+1 < len(text) && isDigit(text[i+1]):
			dot = true
		case c == ',' && !dot && allDigits(text[i+1:min(len(text), i+4)]):
		default:
			return i
		}
		i++
	}
	return i
}

// isDigit reports an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// allDigits reports whether s is exactly three ASCII digits (a thousands
// group).
func allDigits(s string) bool {
	if len(s) != 3 {
		return false
	}
	return isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2])
}

// isRangeSeparator reports whether the text between two numbers joins them
// into a range.
func isRangeSeparator(gap string) bool {
	gap = strings.Trim(gap, " ¥￥元")
	for _, sep := range rangeSeparators {
		if gap == sep {
			return true
		}
	}
	return false
}

// currencyOf names the currency a price text shows; CNY unless it says
// otherwise.
func currencyOf(text string) string {
	switch {
	case strings.Contains(text, "HK$"), strings.Contains(text, "HKD"):
		return "HKD"
	case strings.Contains(text, "US$"), strings.Contains(text, "USD"), strings.HasPrefix(text, "$"):
		return "USD"
	case strings.Contains(text, "€"), strings.Contains(text, "EUR"):
		return "EUR"
	}
	return "CNY"
}
