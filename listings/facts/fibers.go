package facts

import "strings"

// fibreWord is what a word in listing text says about fibres.
type fibreWord struct {
	std   []string // standard names (GB/T 29862 / GB/T 4146); two for a blend word such as 涤棉
	claim string   // the fibre a 纯/全/100% claim on this word is about ("" when none)
	named bool     // the word alone claims the fibre (真丝, 桑蚕丝)
	skip  bool     // not a fibre though it contains one (棉服, 天鹅绒, 仿真丝)
}

// blend reports whether the word names several fibres.
func (w fibreWord) blend() bool { return len(w.std) > 1 }

// fibreAliases maps each standard fibre name to the words sellers use for it.
// Words are normalised (simplified, lower-case ASCII).
var fibreAliases = map[string]string{
	"棉": "棉 棉花 棉纤维 长绒棉 新疆棉 新疆长绒棉 精梳棉 精梳长绒棉 有机棉 彩棉 天然彩棉 埃及棉 埃及长绒棉 " +
		"匹马棉 皮马棉 海岛棉 丝光棉 棉服装 棉服饰 棉鞋垫 棉拖把 cotton",
	"聚酯纤维":    "聚酯纤维 涤纶 聚酯 涤纶纤维 再生聚酯纤维 polyester",
	"聚酰胺纤维":   "聚酰胺纤维 聚酰胺 锦纶 尼龙 锦纶纤维 nylon",
	"聚氨酯弹性纤维": "聚氨酯弹性纤维 氨纶 莱卡 氨纶纤维 lycra spandex elastane",
	"粘胶纤维":    "粘胶纤维 粘纤 粘胶 黏胶纤维 黏纤 黏胶 人造棉 人棉 人造丝 rayon viscose",
	"莱赛尔纤维":   "莱赛尔纤维 莱赛尔 天丝 天丝纤维 lyocell tencel",
	"莫代尔纤维":   "莫代尔纤维 莫代尔 modal",
	"聚丙烯腈纤维":  "聚丙烯腈纤维 腈纶 acrylic",
	"聚丙烯纤维":   "聚丙烯纤维 丙纶",
	"聚乙烯醇纤维":  "聚乙烯醇纤维 维纶",
	"醋酯纤维":    "醋酯纤维 醋酸纤维 醋纤 醋酸 acetate",
	"铜氨纤维":    "铜氨纤维 铜氨 铜氨丝 cupro",
	"再生纤维素纤维": "再生纤维素纤维",
	"竹纤维":     "竹纤维 竹浆纤维 竹炭纤维",
	"大豆蛋白纤维":  "大豆蛋白纤维 大豆纤维",
	"牛奶蛋白纤维":  "牛奶蛋白纤维 牛奶纤维",
	"桑蚕丝":     "桑蚕丝 真丝 桑蚕丝纤维",
	"柞蚕丝":     "柞蚕丝",
	"蚕丝":      "蚕丝 silk",
	"羊毛":      "羊毛 绵羊毛 羊毛纤维 美丽奴羊毛 美利奴羊毛 澳毛 澳洲羊毛 羊仔毛 精纺羊毛 wool",
	"山羊绒":     "山羊绒 羊绒 开司米 cashmere",
	"羊驼毛":     "羊驼毛 羊驼绒 alpaca",
	"马海毛":     "马海毛 mohair",
	"兔毛":      "兔毛 兔绒 安哥拉兔毛",
	"牦牛绒":     "牦牛绒 牦牛毛",
	"驼绒":      "驼绒 骆驼绒 驼毛 骆驼毛",
	"亚麻":      "亚麻 亚麻纤维 linen",
	"苎麻":      "苎麻 ramie",
	"大麻":      "大麻 汉麻 大麻纤维 hemp",
	"黄麻":      "黄麻",
	"罗布麻":     "罗布麻",
	"麻":       "麻 麻纤维",
	"木棉":      "木棉",
	"金属纤维":    "金属纤维 金属丝 金银丝",
	"其他纤维":    "其他纤维 其它纤维 其他 其它",
}

// fibreClaims maps the fibre a 纯/全/100% claim is about to the key of its
// threshold in policies/tables/material; 真丝 is any silk, so it claims 蚕丝.
var fibreClaims = map[string]string{
	"棉": "棉", "羊毛": "羊毛", "山羊绒": "山羊绒", "桑蚕丝": "桑蚕丝", "蚕丝": "蚕丝",
	"麻": "麻", "亚麻": "亚麻", "苎麻": "苎麻",
}

// namedClaims are words that claim the fibre on their own (真丝连衣裙).
var namedClaims = map[string]string{"真丝": "蚕丝", "桑蚕丝": "桑蚕丝"}

// blendWords name two fibres in one word.
var blendWords = map[string][]string{
	"涤棉": {"聚酯纤维", "棉"}, "棉涤": {"棉", "聚酯纤维"}, "棉麻": {"棉", "麻"}, "麻棉": {"麻", "棉"},
	"亚麻棉": {"亚麻", "棉"}, "棉亚麻": {"棉", "亚麻"}, "棉氨": {"棉", "聚氨酯弹性纤维"},
	"棉混纺": {"棉", "其他纤维"}, "毛涤": {"羊毛", "聚酯纤维"}, "涤毛": {"聚酯纤维", "羊毛"},
	"天丝棉": {"莱赛尔纤维", "棉"}, "棉天丝": {"棉", "莱赛尔纤维"}, "羊毛混纺": {"羊毛", "其他纤维"},
}

// notFibres contain a fibre's name but are not that fibre: garments padded
// with wadding, synthetic fillings, fabric names, colours and food.
var notFibres = strings.Fields(`
	棉服 棉袄 棉鞋 棉拖 棉靴 羽绒棉 羽丝棉 羽感棉 太空棉 喷胶棉 珍珠棉 记忆棉 云丝棉 仿丝棉 pp棉 石棉 牛奶棉
	冰丝棉 水溶棉 棉花糖 冰丝 牛奶丝 仿真丝 真丝绒 仿羊绒 仿羊毛 仿棉 仿麻 冰麻 羊毛卷 羊羔毛 羊羔绒
	珊瑚绒 法兰绒 摇粒绒 天鹅绒 丝绒 金丝绒 貂绒 水貂绒 亚麻色 亚麻灰 亚麻白 芝麻 天麻 蓖麻 麻将 麻辣
	麻花 麻醉 麻烦 麻雀 麻木 麻油 麻酱 麻婆 麻薯 麻糬 发麻 其他颜色 其它颜色 洗涤 棉签盒`)

var fibreLexicon = newLexicon(buildFibreWords())

func buildFibreWords() map[string]fibreWord {
	words := make(map[string]fibreWord)
	for std, aliases := range fibreAliases {
		for _, a := range strings.Fields(aliases) {
			words[a] = fibreWord{std: []string{std}, claim: fibreClaims[std]}
		}
	}
	for w, claim := range namedClaims {
		e := words[w]
		e.claim, e.named = claim, true
		words[w] = e
	}
	for w, std := range blendWords {
		words[w] = fibreWord{std: std}
	}
	for _, w := range notFibres {
		words[w] = fibreWord{skip: true}
	}
	return words
}

// fibreAt finds a fibre word at i, with a bracketed alias after it merged in
// (聚氨酯弹性纤维(氨纶), 涤纶(聚酯纤维)); skipped words are returned too, so
// callers can step over them.
func fibreAt(t *scanText, i int) (fibreWord, int, bool) {
	w, end, ok := fibreLexicon.match(t, i)
	if !ok || w.skip {
		return w, end, ok
	}
	if t.at(end) == '(' {
		if alias, aend, aok := fibreLexicon.match(t, end+1); aok && !alias.skip && t.at(aend) == ')' {
			end = aend + 1
		}
	}
	return w, end, true
}
