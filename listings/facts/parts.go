package facts

import "strings"

// Parts of a garment a composition can be stated for. The main fabric is
// PartMain; a composition that names no part is about the main fabric too.
const (
	PartMain    = "面料"
	PartLining  = "里料"
	PartFilling = "填充物"
	// PartOther is a further group of fibres after a complete one
	// (棉95% 氨纶5% 聚酯纤维100%): some other part the seller did not name.
	PartOther = "其他部位"
)

// partWords maps the words sellers use for a garment part to its name.
var partWords = map[string]string{
	"主面料": PartMain, "面料": PartMain, "面布": PartMain, "表布": PartMain, "大身": PartMain,
	"外层": PartMain, "表层": PartMain, "外料": PartMain, "主料": PartMain, "主体": PartMain,
	"里料": PartLining, "里布": PartLining, "里衬": PartLining, "内里": PartLining, "衬里": PartLining,
	"内衬": PartLining, "里子": PartLining, "内层": PartLining, "里层": PartLining, "夹里": PartLining,
	"填充物": PartFilling, "填充": PartFilling, "填充料": PartFilling, "填充材料": PartFilling,
	"絮料": PartFilling, "絮片": PartFilling,
	"罗纹": "罗纹", "螺纹": "罗纹", "网布": "网布", "网眼布": "网布",
	"拼接": "拼接", "拼料": "拼接", "配料": "拼接", "撞料": "拼接", "辅料": "拼接",
	"袋布": "袋布", "口袋布": "袋布", "蕾丝": "蕾丝", "花边": "蕾丝", "毛领": "毛领", "帽毛": "毛领",
}

// labelWords introduce a composition without naming a part.
var labelWords = strings.Fields("材质成分 面料成分 成分含量 纤维含量 纤维成分 材质 成分 成份 材料 含量 质地 布料 面料材质")

// labelSuffixes may follow a part word in a label (面料成分:, 里料材质:).
var labelSuffixes = strings.Fields("成分含量 纤维含量 成分 成份 材质 材料 含量 部分 部位")

var partLexicon = newLexicon(partWords)

var labelLexicon = newLexicon(func() map[string]bool {
	m := make(map[string]bool, len(labelWords))
	for _, w := range labelWords {
		m[w] = true
	}
	return m
}())

// labelAt recognises a composition label at i: a part word or a label word,
// an optional suffix and number (面料1), then a colon or directly a fibre or
// a figure. part is "" for a label that names no part.
func labelAt(t *scanText, i int) (part string, end int, ok bool) {
	if p, e, found := partLexicon.match(t, i); found {
		part, end = p, e
	} else if _, e, found := labelLexicon.match(t, i); found {
		end = e
	} else {
		return "", i, false
	}
	for _, s := range labelSuffixes {
		if t.hasAt(end, s) {
			end += len([]rune(s))
			break
		}
	}
	end = t.skip(end, "0123456789 ")
	if t.at(end) == ':' {
		return part, t.skip(end+1, " "), true
	}
	if _, _, isFibre := fibreAt(t, end); isFibre || isDigitRune(t.at(end)) {
		return part, end, true
	}
	return "", i, false
}

// partOfName is the part an attribute's name is about (里料分类 → 里料).
func partOfName(name string) string {
	in := partNameWords.in(Normalize(name))
	switch {
	case in&1 != 0: // 里
		return PartLining
	case in&2 != 0: // 填充
		return PartFilling
	case in&4 != 0: // 罗纹
		return "罗纹"
	case in&0b11000 != 0: // 面料, 面布
		return PartMain
	}
	return ""
}

// partNameWords are the words partOfName looks for, a bit each in this order.
var partNameWords = newNameWords("里", "填充", "罗纹", "面料", "面布")
