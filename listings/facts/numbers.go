package facts

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Number is a figure with its unit, as a seller wrote it: 90%, 99.9%, 10万+,
// 1000+人, 24小时, 3天, 180g. Value is the plain number (10万+ is 100000,
// 百分之九十 is 90), Unit the normalised unit after it ("%", "人", "小时",
// "g"; "" when there is none), Plus whether it was written as a floor
// (10万+, 1000多人, 99%以上). S and E are byte offsets into the field's text
// and cover the whole figure with its unit.
//
// First, Last and Next join the figure to its field's tokens (set by
// Numbers, nil from FiguresIn): the index of the token that starts at S,
// of the token that ends at E, and of the token that starts at E, or -1
// when no token does. Rules read them instead of indexing every token of
// the listing by offset.
type Number struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Plus  bool    `json:"plus,omitempty"`
	Field string  `json:"field"`
	S     int     `json:"s"`
	E     int     `json:"e"`
	First *int    `json:"ti,omitempty"`
	Last  *int    `json:"tl,omitempty"`
	Next  *int    `json:"tn,omitempty"`
}

// Numbers finds figures with units in every field, in field-name order and
// then text order, so the document is the same on every run.
func Numbers(fields map[string]Field) []Number { return numbersIn(nil, fields, normalFieldsOf(fields)) }

// numbersIn is Numbers of the fields normalised as nf, with the figures
// memo m keeps (appendFieldFigures; nil: none kept). The figures are
// gathered in a buffer on the stack and copied to a list made to their
// number, and every figure's token indexes are allocated together: grown a
// figure at a time and indexed a field at a time, a row's figures were
// four or five allocations.
func numbersIn(m *FieldMemo, fields map[string]Field, nf normalFields) []Number {
	var buf [16]Number
	var endsBuf [8]int
	var toksBuf [8]tokenIndex
	// ends[k] is where nf[k]'s figures end in found, toks[k] its tokens.
	found, ends, toks := buf[:0], endsBuf[:0], toksBuf[:0]
	for _, f := range nf {
		field := fields[f.name]
		toks = append(toks, tokenIndex(field.Tokens))
		found = appendFieldFigures(m, found, f, field)
		ends = append(ends, len(found))
	}
	if len(found) == 0 {
		return nil
	}
	out := make([]Number, len(found))
	copy(out, found)
	idx := make([]int, 3*len(out))
	from := 0
	for k, end := range ends {
		for i := from; i < end; i++ {
			n, at := &out[i], idx[3*i:3*i+3]
			at[0], at[1], at[2] = toks[k].starting(n.S), toks[k].ending(n.E), toks[k].starting(n.E)
			n.First, n.Last, n.Next = &at[0], &at[1], &at[2]
		}
		from = end
	}
	return out
}

// appendFieldFigures appends the figures of field f (appendFigures). A
// field's figures follow from its name, text and tokens: with a memo,
// those of a field other than the title that listings repeat are kept
// (m.figures), with the tokens they were read with.
func appendFieldFigures(m *FieldMemo, dst []Number, f normalField, field Field) []Number {
	if m == nil || f.name == FieldTitle {
		return appendFigures(dst, f.normal, f.name, field.Tokens)
	}
	h := m.textHash(f.name, field.Text)
	old := m.figures.At(h)
	if old != nil && old.field == f.name && old.text == field.Text && slices.Equal(old.toks, field.Tokens) {
		return append(dst, old.figures...)
	}
	from := len(dst)
	dst = appendFigures(dst, f.normal, f.name, field.Tokens)
	if m.figures.MetBefore(h) {
		kept := &keptFieldFigures{field: f.name, text: field.Text, toks: field.Tokens, figures: slices.Clone(dst[from:])}
		m.figures.keep(h, old, kept, len(field.Text), old.size())
	}
	return dst
}

// keptFieldFigures are a field's name, text and tokens and its figures
// (without their tokens' indexes), kept (FieldMemo.figures).
type keptFieldFigures struct {
	field, text string
	toks        []Token
	figures     []Number
}

// size is the bytes of the kept text (0 for none).
func (k *keptFieldFigures) size() int {
	if k == nil {
		return 0
	}
	return len(k.text)
}

// tokenIndex finds a field's tokens by the byte offsets where they start
// or end. Tokens come in text order without overlaps, so a binary search
// finds them: no index is built for a listing that is looked at once.
type tokenIndex []Token

// starting is the index of the token that starts at offset, or -1.
func (ix tokenIndex) starting(offset int) int {
	i := sort.Search(len(ix), func(i int) bool { return ix[i].S >= offset })
	return indexOrNone(i < len(ix) && ix[i].S == offset, i)
}

// ending is the index of the token that ends at offset, or -1.
func (ix tokenIndex) ending(offset int) int {
	i := sort.Search(len(ix), func(i int) bool { return ix[i].E >= offset })
	return indexOrNone(i < len(ix) && ix[i].E == offset, i)
}

func indexOrNone(found bool, i int) int {
	if !found {
		return -1
	}
	return i
}

// FiguresIn finds the figures of one text; field is recorded on each.
// It works on the normalised text (full-width digits and ％ fold to ASCII)
// and maps spans back to the original bytes.
func FiguresIn(text, field string) []Number {
	return figuresIn(text, field, nil)
}

// figuresIn is FiguresIn that, given the text's tokens, keeps a unit only
// when it ends a token: in 10万家庭 the 家 of 家庭 is no unit, so the
// figure is 10万.
func figuresIn(text, field string, toks tokenIndex) []Number {
	return appendFigures(nil, normalOf(text), field, toks)
}

// appendFigures appends to dst the figures of a text normalised as nt
// (figuresIn).
func appendFigures(dst []Number, nt normalText, field string, toks tokenIndex) []Number {
	norm, origin := nt.norm, nt.origin
	sc := figureScan{norm: norm}
	for m, more := sc.next(); more; m, more = sc.next() {
		if len(toks) > 0 && m[12] >= 0 && toks.ending(int(origin[m[13]])) < 0 {
			m = withoutUnit(m)
		}
		n, ok := figureFrom(norm, &m)
		if !ok {
			continue
		}
		n.Field, n.S, n.E = field, int(origin[n.S]), int(origin[n.E])
		dst = append(dst, n)
	}
	return dst
}

// withoutUnit drops the unit and what follows it from a figurePattern
// match, ending the match at the last group before the unit.
func withoutUnit(m figureLoc) figureLoc {
	m[12], m[13], m[14], m[15] = -1, -1, -1, -1
	end := m[0]
	for g := 1; g <= 5; g++ {
		end = max(end, m[2*g+1])
	}
	m[1] = end
	return m
}

// figureUnits are the units a figure may carry, longest first so that 个月
// wins over 月 and kg over g. ASCII units must not run into more letters
// (180gsm is not grams), which figureFrom checks.
var figureUnits = []string{
	"百分点", "个小时", "个月", "小时", "分钟", "人次", "毫升", "千克", "公斤", "厘米", "毫米", "英寸", "公里",
	"mah", "kg", "mg", "ml", "cm", "mm", "km", "kw", "gb", "hz", "cc",
	"%", "‰", "℃", "°",
	"天", "日", "周", "年", "月", "号", "点", "秒", "分", "岁",
	"人", "件", "单", "份", "次", "家", "位", "个", "只", "条", "张", "片", "包", "瓶", "盒", "袋",
	"支", "双", "套", "台", "颗", "粒", "罐", "箱", "笔", "款", "种", "色", "层", "根", "头", "册", "本", "部", "辆", "杯", "桶", "口",
	"克", "斤", "吨", "升", "米", "寸", "码", "元", "块", "折", "倍", "度",
	"g", "l", "m", "w", "v", "h",
}

// figurePattern finds a figure: an optional 百分之, digits (or 百分百, or a
// Chinese numeral with a multiplier, 十万, 三千), an optional multiplier (万, 千,
// 亿, w before +), an optional +, an optional unit and an optional floor
// marker after it. Groups: 1 百分之, 2 digits, 3 Chinese numeral,
// 4 multiplier, 5 plus, 6 unit, 7 floor after the unit.
var figurePattern = regexp.MustCompile(figureHead + `(` + unitAlternation() + `)?(\+|以上|多)?`)

// figureHead is figurePattern up to its unit: groups 1 to 5.
const figureHead = `(百分之)?(?:(\d+(?:\.\d+)?|百分百)|([零一二两三四五六七八九十百千万亿]{2,}(?:点[零一二三四五六七八九]+)?))` +
	`\s?(万|千|亿|w(?:\s?\+))?\s?(\+|多)?\s?`

func unitAlternation() string {
	quoted := make([]string, len(figureUnits))
	for i, u := range figureUnits {
		quoted[i] = regexp.QuoteMeta(u)
	}
	return strings.Join(quoted, "|")
}

// figureFrom turns one match into a Number, or rejects it: model codes
// (hx300, cd-67), Chinese numerals that are words (千万不要, 十一), and bare
// digits with neither unit nor multiplier nor plus (a year, an item number)
// unless written as 百分之.
func figureFrom(norm string, m *figureLoc) (Number, bool) {
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return norm[m[2*i]:m[2*i+1]]
	}
	start, end := m[0], m[1]
	percent, digits, chinese := group(1) != "", group(2), group(3)
	mult, plus, unit, floor := strings.TrimSpace(group(4)), group(5), group(6), group(7)
	if digits != "" && digits != "百分百" && partOfCode(norm, m[4]) {
		return Number{}, false
	}
	if unit != "" && isASCIIWord(unit) && m[13] < len(norm) && isASCIILetter(norm[m[13]]) {
		return Number{}, false // 180gsm, 32gbps: the unit runs into a word
	}
	value, ok := figureValue(digits, chinese)
	if !ok || (chinese != "" && chineseIsWord(norm, chinese, end)) {
		return Number{}, false
	}
	value *= multiplier(mult)
	if percent || digits == "百分百" {
		unit = "%"
	}
	if unit == "" && mult == "" && plus == "" && floor == "" {
		return Number{}, false
	}
	return Number{Value: value, Unit: unit, Plus: plus != "" || floor != "" || strings.HasSuffix(mult, "+"), S: start, E: trimRightSpace(norm, start, end)}, true
}

func figureValue(digits, chinese string) (float64, bool) {
	if digits == "百分百" {
		return 100, true
	}
	if digits != "" {
		var ds [exactDigits]rune // the digits are ASCII (figurePattern's \d)
		if len(digits) <= len(ds) {
			for i := 0; i < len(digits); i++ {
				ds[i] = rune(digits[i])
			}
			if v, ok := exactDecimal(ds[:len(digits)]); ok {
				return v, true
			}
		}
		v, err := strconv.ParseFloat(digits, 64)
		return v, err == nil
	}
	return chineseFigure(chinese)
}

// multiplier is the value of 万, 千, 亿 or w+ (sellers write 1w+ for 1万+).
func multiplier(m string) float64 {
	switch {
	case m == "":
		return 1
	case strings.HasPrefix(m, "万"), strings.HasPrefix(m, "w"):
		return 1e4
	case m == "千":
		return 1e3
	case m == "亿":
		return 1e8
	}
	return 1
}

// partOfCode reports whether digits at i belong to a model or item code:
// preceded by a letter (hx300, no.213 is handled by the lexicon) or by a
// dash or slash after a letter (cd-67).
func partOfCode(s string, i int) bool {
	if i == 0 {
		return false
	}
	prev := s[i-1]
	if isASCIILetter(prev) {
		return true
	}
	return (prev == '-' || prev == '/' || prev == '_') && i >= 2 && isASCIILetter(s[i-2])
}

// chineseIsWord rejects numerals that are words, not figures: 千万 (by all
// means), 万一 (in case), 十一 (the holiday), 三五 (a few), and any numeral
// followed by 不 or 别 (一万个不放心). A Chinese figure needs a multiplier.
func chineseIsWord(s, numeral string, end int) bool {
	switch numeral {
	case "千万", "万一", "十一", "一一", "万万", "千千", "百百":
		return true
	}
	if !strings.ContainsAny(numeral, "十百千万亿") {
		return true
	}
	rest := s[end:]
	return strings.HasPrefix(rest, "不") || strings.HasPrefix(rest, "别")
}

var chineseFigureDigits = map[rune]float64{
	'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

var chineseFigureSmall = map[rune]float64{'十': 10, '百': 100, '千': 1000}

var chineseFigureLarge = map[rune]float64{'万': 1e4, '亿': 1e8}

// chineseFigure reads Chinese numerals up to 亿: 十万 100000, 三千五百 3500,
// 百万 1000000, 两万 20000, and a decimal after 点 (九十九点五 99.5: a score
// written in words). A multiplier with no digit before it counts one.
func chineseFigure(s string) (float64, bool) {
	whole, decimals, hasPoint := strings.Cut(s, "点")
	v, ok := chineseInteger(whole)
	if !ok || !hasPoint {
		return v, ok
	}
	scale := 0.1
	for _, r := range decimals {
		v += chineseFigureDigits[r] * scale
		scale /= 10
	}
	return v, true
}

// chineseInteger reads the whole part of a Chinese numeral.
func chineseInteger(s string) (float64, bool) {
	var total, section, digit float64
	for _, r := range s {
		if d, ok := chineseFigureDigits[r]; ok {
			digit = d
		} else if small := chineseFigureSmall[r]; small > 0 {
			section += max(digit, 1) * small
			digit = 0
		} else if large := chineseFigureLarge[r]; large > 0 {
			total = (total + max(section+digit, 1)) * large
			section, digit = 0, 0
		} else {
			return 0, false
		}
	}
	v := total + section + digit
	return v, v > 0
}

func trimRightSpace(s string, start, end int) int {
	for end > start && s[end-1] == ' ' {
		end--
	}
	return end
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIILetter(s[i]) {
			return false
		}
	}
	return s != ""
}
