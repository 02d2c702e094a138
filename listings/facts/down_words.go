package facts

import "strings"

// downWord is what a word says about down (GB/T 14272-2021, GB/T 17685-2016).
type downWord struct {
	kind    string // species | garment | filling | content_label | fill_label | filling_label | skip
	species string // 鸭 | 鹅 | ""
	colour  string // 白 | 灰 | ""
	name    string // garment or filling name
}

// Kinds of DownClaim.
const (
	DownContent = "content" // a down share: 90%白鸭绒, 含绒量90%
	DownSpecies = "species" // a species or colour named without a share: 白鹅绒
	DownGarment = "garment" // the item is called a down item: 羽绒服, 鹅绒被
	DownFilling = "filling" // a filling that is not down: 羽绒棉, 羽丝绒
	DownFill    = "fill"    // a fill weight: 充绒量200g
)

var downWords = buildDownWords()

var downLexicon = newLexicon(downWords)

func buildDownWords() map[string]downWord {
	w := map[string]downWord{
		"白鸭绒": {kind: DownSpecies, species: "鸭", colour: "白"}, "灰鸭绒": {kind: DownSpecies, species: "鸭", colour: "灰"},
		"鸭绒": {kind: DownSpecies, species: "鸭"}, "鸭羽绒": {kind: DownSpecies, species: "鸭"},
		"白鸭羽绒": {kind: DownSpecies, species: "鸭", colour: "白"}, "雁鸭绒": {kind: DownSpecies, species: "鸭"},
		"白鹅绒": {kind: DownSpecies, species: "鹅", colour: "白"}, "灰鹅绒": {kind: DownSpecies, species: "鹅", colour: "灰"},
		"鹅绒": {kind: DownSpecies, species: "鹅"}, "鹅羽绒": {kind: DownSpecies, species: "鹅"},
		"白鹅羽绒": {kind: DownSpecies, species: "鹅", colour: "白"}, "羽绒": {kind: DownSpecies},
		"天鹅绒": {kind: "skip"}, // velvet, not swan or goose down
	}
	for _, g := range strings.Fields("羽绒服 羽绒衣 羽绒服装 羽绒外套 羽绒马甲 羽绒背心 羽绒裤 羽绒被 羽绒夹克 羽绒大衣 羽绒袄 羽绒内胆 羽绒睡袋 羽绒枕") {
		w[g] = downWord{kind: DownGarment, name: g}
	}
	for _, g := range strings.Fields("鹅绒服 鹅绒被 鹅绒枕 鹅绒外套 鹅绒马甲") {
		w[g] = downWord{kind: DownGarment, species: "鹅", name: g}
	}
	for _, g := range strings.Fields("鸭绒服 鸭绒被 鸭绒外套 鸭绒马甲") {
		w[g] = downWord{kind: DownGarment, species: "鸭", name: g}
	}
	for name, words := range map[string]string{
		"羽绒棉": "羽绒棉 鹅绒棉 鸭绒棉 羽感棉", "羽丝绒": "羽丝绒 羽丝棉", "仿羽绒": "仿羽绒 类羽绒 仿鹅绒 仿鸭绒",
		"太空棉": "太空棉", "喷胶棉": "喷胶棉", "云丝棉": "云丝棉", "仿丝棉": "仿丝棉",
	} {
		for _, f := range strings.Fields(words) {
			w[f] = downWord{kind: DownFilling, name: name}
		}
	}
	for _, l := range strings.Fields("含绒量 绒子含量 羽绒含量 含绒率 绒含量") {
		w[l] = downWord{kind: "content_label"}
	}
	for _, l := range strings.Fields("充绒量 充绒 填充量 充绒重量") {
		w[l] = downWord{kind: "fill_label"}
	}
	for _, l := range strings.Fields("填充物 填充材料 填充") {
		w[l] = downWord{kind: "filling_label"}
	}
	return w
}

// fillingName is the filling a down word names: 鸭绒, 鹅绒, 羽绒, or a
// non-down filling's name.
func (d downWord) fillingName() string {
	switch {
	case d.kind == DownFilling:
		return d.name
	case d.species != "":
		return d.species + "绒"
	}
	return "羽绒"
}

// gramsAt reads a fill weight at i (180g, 200克, 0.2kg, 4两); for a range
// (100g(含)-150g(不含)) it reads the low end.
func gramsAt(t *scanText, i int) (float64, int, bool) {
	v, end, ok := numberAt(t, i)
	if !ok {
		return 0, i, false
	}
	end = t.skip(end, " ")
	for _, u := range []struct {
		word   string
		factor float64
	}{{"千克", 1000}, {"公斤", 1000}, {"kg", 1000}, {"克", 1}, {"g", 1}, {"斤", 500}, {"两", 50}} {
		if t.hasAt(end, u.word) && !isLatinLower(t.at(end+len([]rune(u.word)))) {
			end += len([]rune(u.word))
			end = skipInclusive(t, end)
			return v * u.factor, end, true
		}
	}
	return 0, i, false
}
