package facts

import (
	"strconv"
	"strings"
)

// promiseNum matches a count written in digits or Chinese numerals
// (15, 十五, 四十八, 两); promiseRange is one count or a range of two (3-5, 3至5).
const (
	promiseNum   = `(\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+)`
	promiseRange = promiseNum + `(?:\s*[-~至到]\s*` + promiseNum + `)?`
)

// promiseRangeHigh is the upper end of a promiseRange match given its two groups:
// a seller who writes 3-5天 has promised 5 days.
func promiseRangeHigh(low, high string) (float64, bool) {
	if high != "" {
		return promiseCount(high)
	}
	return promiseCount(low)
}

// promiseCount reads digits or a Chinese numeral up to the tens of thousands.
func promiseCount(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	}
	return promiseChineseCount(s)
}

var promiseDigits = map[rune]float64{
	'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

var promiseUnits = map[rune]float64{'十': 10, '百': 100, '千': 1000}

// promiseChineseCount reads 十五, 二十, 四十八, 一百, 三万: a unit with no
// digit before it counts one (十五 is 15).
func promiseChineseCount(s string) (float64, bool) {
	var total, section, digit float64
	for _, r := range s {
		switch {
		case strings.ContainsRune("零一二两三四五六七八九", r):
			digit = promiseDigits[r]
		case promiseUnits[r] > 0:
			if digit == 0 {
				digit = 1
			}
			section += digit * promiseUnits[r]
			digit = 0
		case r == '万':
			total += max(section+digit, 1) * 10000 // 万 alone is ten thousand
			section, digit = 0, 0
		default:
			return 0, false
		}
	}
	v := total + section + digit
	return v, v > 0
}
