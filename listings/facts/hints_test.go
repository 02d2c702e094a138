package facts

import (
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// The hints may answer yes where the extractor finds nothing, never the
// reverse: every text from which an extractor takes a fact is hinted, and
// plain titles with none of the words are not.
func TestHintsCoverWhatTheExtractorsFind(t *testing.T) {
	t.Parallel()
	texts := []string{
		"2024新款纯棉短袖T恤男宽松圆领", "面料: 棉95% 氨纶5%", "100%桑蚕丝 真丝围巾", "純羊毛大衣",
		"90%白鸭绒羽绒服女中长款", "含绒量：90% 充绒量200g", "白鹅绒被 冬被加厚", "羽绒棉服 轻薄",
		"24小时发货，顺丰包邮，7天无理由退换", "假一赔十 官方正品", "不支持七天无理由退货", "２４小時發貨 全國包郵",
		"【预售15天】羊绒大衣女", "开票加收6%税点", "现货秒发 夏季纯棉短袖T恤男宽松圆领",
		"飞利浦理发器配件刀座", "苹果数据线 快充 typec", "儿童积木玩具 益智拼装",
	}
	for _, text := range texts {
		fields, l := map[string]Field{FieldTitle: {Text: text}}, &listings.Listing{Title: text}
		if len(FiberClaims(fields))+len(Composition(l, fields)) > 0 && !MayStateFibre(text) {
			t.Errorf("%s: fibre facts found, but MayStateFibre is false", text)
		}
		if _, claims := DownFacts(l, fields); len(claims) > 0 && !MayClaimDown(text) {
			t.Errorf("%s: down claims found, but MayClaimDown is false", text)
		}
		if len(Promises(l, fields)) > 0 && !MayPromise(Normalize(text)) {
			t.Errorf("%s: promises found, but MayPromise is false", text)
		}
	}
	for _, plain := range []string{"苹果数据线 快充 typec", "儿童积木玩具 益智拼装"} {
		if MayStateFibre(plain) || MayClaimDown(plain) || MayPromise(Normalize(plain)) {
			t.Errorf("%s: hinted (fibre %v, down %v, promise %v), want no hint", plain,
				MayStateFibre(plain), MayClaimDown(plain), MayPromise(Normalize(plain)))
		}
	}
}

// holdsWordOf reads each rune as the scanners' scanText does, without
// building one: it answers as lexicon.match over the scanText would, for
// every word of both lexicons alone, glued to Latin letters, at the ends of
// a text, in full-width or traditional forms, for broken UTF-8, and over
// the fixtures' copy and the corpus titles.
func TestHoldsWordOfReadsAsTheScanners(t *testing.T) {
	t.Parallel()
	texts := []string{"", "棉", "woolly jumper", "wool jumper", "a wool", "WOOL", "純羊毛", "ｗｏｏｌ", "\xff棉\xfe", "100%棉 氨纶"}
	texts = append(texts, promiseTexts(t)...) // the promise cases, the fixtures' copy, the corpus titles
	for _, words := range []map[string]bool{lexiconWords(fibreLexicon), lexiconWords(downLexicon)} {
		for w := range words {
			texts = append(texts, w, "x"+w, w+"y", "新款"+w+"外套", w[:len(w)-1])
		}
	}
	for _, text := range texts {
		for name, check := range map[string][2]bool{
			"fibre": {holdsWordOf(fibreLexicon, fibreStarts, text), scannerHolds(fibreLexicon, text)},
			"down":  {holdsWordOf(downLexicon, downStarts, text), scannerHolds(downLexicon, text)},
		} {
			if check[0] != check[1] {
				t.Errorf("%q: %s word %v, the scanner finds one: %v", text, name, check[0], check[1])
			}
		}
	}
}

// The one pass for both hints answers as each hint alone, over the texts
// TestHoldsWordOfReadsAsTheScanners reads.
func TestMayStateFibreOrClaimDownIsBothHints(t *testing.T) {
	t.Parallel()
	texts := []string{"", "棉", "wool down", "downwool", "羽绒棉服", "鸭绒 纯棉", "\xff羽绒\xfe", "100%棉 90%白鸭绒"}
	texts = append(texts, promiseTexts(t)...)
	for _, words := range []map[string]bool{lexiconWords(fibreLexicon), lexiconWords(downLexicon)} {
		for w := range words {
			texts = append(texts, w, "x"+w, w+"y", "新款"+w+"外套", w[:len(w)-1])
		}
	}
	both := 0
	for _, text := range texts {
		fibre, down := MayStateFibreOrClaimDown(text)
		if fibre != MayStateFibre(text) || down != MayClaimDown(text) {
			t.Errorf("%q: fibre %v, down %v; alone %v, %v", text, fibre, down, MayStateFibre(text), MayClaimDown(text))
		}
		if fibre && down {
			both++
		}
	}
	if both == 0 {
		t.Error("no text with both hints: this proves little")
	}
}

// scannerHolds is whether lexicon.match finds a word at some rune of
// the text's scanText.
func scannerHolds[T any](lx *lexicon[T], text string) bool {
	st := newScanText(text)
	for i := 0; i < st.len(); i++ {
		if _, _, ok := lx.match(st, i); ok {
			return true
		}
	}
	return false
}

func lexiconWords[T any](lx *lexicon[T]) map[string]bool {
	out := map[string]bool{}
	for w := range lx.words {
		out[w] = true
	}
	return out
}

// A lexicon with words of one Latin letter and of one Chinese character
// beside longer ones answers as the scanner too: a letter glued to another
// is no word, behind a first rune that goes on as no word of its own
// (lexicon.pairs) as behind one that does.
func TestHoldsWordOfReadsOneRuneWordsAsTheScanners(t *testing.T) {
	t.Parallel()
	lx := newLexicon(map[string]bool{"x": true, "xy": true, "棉": true, "棉麻": true, "麻布料": true})
	starts := newHintStarts(lx)
	for _, text := range []string{"x", "xa", "ax", "x y", "xy", "xyz", "x棉", "棉", "棉a", "棉花", "棉麻", "麻布", "麻布料", "a棉x", "x1"} {
		if got, want := holdsWordOf(lx, starts, text), scannerHolds(lx, text); got != want {
			t.Errorf("%q: a word %v, the scanner finds one: %v", text, got, want)
		}
	}
}

// valueOffsets gives where each value stands in AttributeText.
func TestValueOffsetsAreAttributeText(t *testing.T) {
	t.Parallel()
	checked := 0
	for _, l := range fixtureListings(t) {
		text, starts := AttributeLines(l.Attributes)
		n := 0
		for i, base := range valueOffsets(l.Attributes) {
			a := l.Attributes[i]
			if base != starts[i]+len(a.Name)+len(": ") || text[base:base+len(a.Value)] != a.Value {
				t.Errorf("%s: attribute %d (%q) at %d", l.Source, i, a.Value, base)
			}
			n++
			checked++
		}
		if n != len(l.Attributes) {
			t.Errorf("%s: %d of %d attributes given", l.Source, n, len(l.Attributes))
		}
	}
	if checked < 20 {
		t.Errorf("%d attributes checked: want the fixtures'", checked)
	}
}
