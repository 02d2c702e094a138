package facts

import (
	"regexp"
	"strings"
)

// Guarantee promise kinds. guarantee_fake_multiplier carries N (假一赔十: 10).
const (
	KindGuaranteeMultiplier = "guarantee_fake_multiplier" // 假一赔十, 假一罚三
	KindGuaranteeGenuine    = "guarantee_genuine"         // 正品保障, 保证正品
	KindWarrantyLifetime    = "warranty_lifetime"         // 终身保修, 永久质保
)

// genuineWords are the guarantees of genuine goods, each its own need word:
// 正品 alone is in one title in twenty-five (正品 女装), the guarantees in few.
var genuineWords = needWords("正品保障", "正品保证", "保证正品", "保正品", "100%正品", "百分百正品", "官方正品", "正品行货", "专柜正品", "原装正品", "正品承诺")

// anyWord is a pattern of any of words, taken literally: a word is its
// own need word, so a word that read as a pattern (a bracket, a plus)
// could match text that holds none of them.
func anyWord(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}

var guaranteeMatchers = []promiseMatcher{
	{needWords("假"), regexp.MustCompile(`假\s*(?:一|1)\s*(?:赔|罚|陪|赔偿|罚款)\s*` + promiseNum + `(?:\s*倍)?`), guaranteeMultiplier, yields(KindGuaranteeMultiplier)},
	{needWords("假"), regexp.MustCompile(`假货?\s*(?:一|1)?\s*(?:包赔|赔|罚)\s*` + promiseNum + `\s*倍`), guaranteeMultiplier, yields(KindGuaranteeMultiplier)},
	// 非正品 says the goods are not genuine: it is no guarantee.
	{needWords("正品"), regexp.MustCompile(`非正品|不是正品|不保证正品|不保正品`), promiseSuppress, yields()},
	{genuineWords, regexp.MustCompile(anyWord(genuineWords)), promiseOf(KindGuaranteeGenuine), yields(KindGuaranteeGenuine)},
	{needWords("保修", "质保", "维修", "包换", "保固"), regexp.MustCompile(`(?:终身|终生|永久)(?:免费)?(?:保修|质保|维修|包换|保固)`), promiseOf(KindWarrantyLifetime), yields(KindWarrantyLifetime)},
}

func guaranteeMultiplier(m promiseMatch) (Promise, bool) {
	n, ok := promiseCount(m.group(1))
	if !ok || n < 1 {
		return Promise{}, false
	}
	return Promise{Kind: KindGuaranteeMultiplier, N: n}, true
}
