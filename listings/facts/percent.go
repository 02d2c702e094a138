package facts

import (
	"strconv"
	"unicode/utf8"
)

// pctFigure is a number found in text; atLeast marks a lower bound (95%以上,
// ≥95%, the low end of a range such as 80%(含)-89%(含)).
type pctFigure struct {
	value      float64
	atLeast    bool
	start, end int // rune range
}

// numberAt reads a decimal number starting at i (not in the middle of one).
func numberAt(t *scanText, i int) (float64, int, bool) {
	if !isDigitRune(t.at(i)) || isDigitRune(t.at(i-1)) || t.at(i-1) == '.' {
		return 0, i, false
	}
	end := i
	for isDigitRune(t.at(end)) {
		end++
	}
	if t.at(end) == '.' && isDigitRune(t.at(end+1)) {
		end++
		for isDigitRune(t.at(end)) {
			end++
		}
	}
	v, ok := exactDecimal(t.runes[i:end])
	if !ok {
		var err error
		v, err = strconv.ParseFloat(t.norm(i, end), 64)
		if err != nil {
			return 0, i, false
		}
	}
	return v, end, true
}

// exactDigits is the most characters exactDecimal reads: 15 digits make
// an integer below 2^52.
const exactDigits = 15

// pow10 are the powers of ten up to 1e15, each exact in a float64.
var pow10 = [exactDigits + 1]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// exactDecimal is strconv.ParseFloat of ds, digits with at most one '.',
// when it has at most 15 characters, and false otherwise (the caller then
// parses). The digits make an integer below 2^52 and the scale is a power
// of ten up to 1e15, both exact in a float64, so the one division rounds
// as ParseFloat's own exact path does. The parsers read a number at every
// figure of every field, and a string and the general parser a figure
// cost more than the digits.
func exactDecimal(ds []rune) (float64, bool) {
	if len(ds) > exactDigits {
		return 0, false
	}
	var mant uint64
	digits, scale := 0, -1 // scale: digits after the point; -1 before it
	for _, r := range ds {
		switch {
		case r >= '0' && r <= '9':
			mant = mant*10 + uint64(r-'0')
			digits++
			if scale >= 0 {
				scale++
			}
		case r == '.' && scale < 0:
			scale = 0
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	return float64(mant) / pow10[max(scale, 0)], true
}

// percentAt reads a percentage at i: 95%, 95.5 %, 百分百, with the bound
// words around it.
func percentAt(t *scanText, i int) (pctFigure, bool) {
	if t.at(i) == '百' {
		for _, w := range []string{"百分之百", "百分百"} {
			if t.hasAt(i, w) {
				return pctFigure{value: 100, start: i, end: i + utf8.RuneCountInString(w)}, true
			}
		}
	}
	v, end, ok := numberAt(t, i)
	if !ok {
		return pctFigure{}, false
	}
	end = t.skip(end, " ")
	if t.at(end) != '%' {
		return pctFigure{}, false
	}
	f := pctFigure{value: v, start: i, end: end + 1, atLeast: boundBefore(t, i)}
	f.end = skipInclusive(t, f.end)
	if e, ok := rangeEnd(t, f.end); ok {
		f.end, f.atLeast = e, true
	}
	for _, w := range []string{"及以上", "或以上", "以上"} {
		if t.hasAt(f.end, w) {
			f.end += utf8.RuneCountInString(w)
			f.atLeast = true
			break
		}
	}
	return f, true
}

// boundBefore reports a lower-bound word just before i (≥95%, 不低于95%).
func boundBefore(t *scanText, i int) bool {
	j := t.skipBack(i, " ")
	for _, w := range []string{"≥", ">=", ">", "不低于", "不少于", "大于", "超过"} {
		// hasAt compares in place, where comparing t.norm(j-n, j) made a
		// string; before the text (j < n) neither finds w.
		if n := utf8.RuneCountInString(w); j >= n && t.hasAt(j-n, w) {
			return true
		}
	}
	return false
}

// skipInclusive steps over "(含)" and "(不含)" after a figure.
func skipInclusive(t *scanText, i int) int {
	for _, w := range []string{"(含)", "(不含)"} {
		if t.hasAt(i, w) {
			return i + utf8.RuneCountInString(w)
		}
	}
	return i
}

// rangeEnd steps over the upper end of a range (80%-89%, 80%~89%(含)).
func rangeEnd(t *scanText, i int) (int, bool) {
	j := t.skip(i, " ")
	if !containsRune("-~至到", t.at(j)) {
		return i, false
	}
	j = t.skip(j+1, " ")
	_, e, ok := numberAt(t, j)
	if !ok {
		return i, false
	}
	e = t.skip(e, " ")
	if t.at(e) != '%' {
		return i, false
	}
	return skipInclusive(t, e+1), true
}
