package facts

import (
	"testing"
)

func TestFiguresIn(t *testing.T) {
	t.Parallel()
	type fig struct {
		text  string // the span as quoted from the original text
		value float64
		unit  string
		plus  bool
	}
	tests := []struct {
		name string
		text string
		want []fig
	}{
		{"percent", "好评率99%，回购率高达80%", []fig{{"99%", 99, "%", false}, {"80%", 80, "%", false}}},
		{"decimal percent", "抑菌率99.9%", []fig{{"99.9%", 99.9, "%", false}}},
		{"full-width", "好评率９９％", []fig{{"９９％", 99, "%", false}}},
		{"ten thousand plus", "10万+人已买", []fig{{"10万+人", 100000, "人", true}}},
		{"w plus", "月销1w+", []fig{{"1w+", 10000, "", true}}},
		{"watts", "65w快充头", []fig{{"65w", 65, "w", false}}},
		{"count plus", "1000+人好评", []fig{{"1000+人", 1000, "人", true}}},
		{"many", "已有3000多人购买", []fig{{"3000多人", 3000, "人", true}}},
		{"floor after unit", "满意度98%以上", []fig{{"98%以上", 98, "%", true}}},
		{"hours and days", "24小时发货，3天到", []fig{{"24小时", 24, "小时", false}, {"3天", 3, "天", false}}},
		{"months not month", "保修6个月", []fig{{"6个月", 6, "个月", false}}},
		{"grams", "充绒量180g 含绒量90%", []fig{{"180g", 180, "g", false}, {"90%", 90, "%", false}}},
		{"kilograms before grams", "净重2.5kg", []fig{{"2.5kg", 2.5, "kg", false}}},
		{"fibre label", "100%棉", []fig{{"100%", 100, "%", false}}},
		{"year", "2023年京东销量第一", []fig{{"2023年", 2023, "年", false}}},
		{"chinese ten thousand", "十万+人已买", []fig{{"十万+人", 100000, "人", true}}},
		{"chinese million", "月销百万件", []fig{{"百万件", 1000000, "件", false}}},
		{"chinese percent", "百分之九十九的用户", []fig{{"百分之九十九", 99, "%", false}}},
		{"a hundred percent", "百分百原装", []fig{{"百分百", 100, "%", false}}},
		{"pots", "已经卖出300万口了", []fig{{"300万口", 3000000, "口", false}}},
		{"score in words", "满意度九十九点五分", []fig{{"九十九点五分", 99.5, "分", false}}},
		{"hour in words stays an hour", "今晚十二点截止", []fig{{"十二点", 12, "点", false}}},
		{"model codes are not figures", "sony dsc-hx300 ssc-yb501r cd-67", nil},
		{"bare number is not a figure", "no.213 货号8809", nil},
		{"unit running into a word", "200gsm 32gbps", nil},
		{"numeral words", "千万不要错过 万一 十一黄金周 三五天", nil},
		{"range keeps both ends", "3-12岁", []fig{{"12岁", 12, "岁", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := FiguresIn(tt.text, "title")
			if len(got) != len(tt.want) {
				t.Fatalf("FiguresIn(%q) = %+v, want %d figures", tt.text, got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if quoted := tt.text[g.S:g.E]; quoted != w.text || g.Value != w.value || g.Unit != w.unit || g.Plus != w.plus {
					t.Errorf("figure %d = %q %v %q plus=%v, want %q %v %q plus=%v",
						i, quoted, g.Value, g.Unit, g.Plus, w.text, w.value, w.unit, w.plus)
				}
				if g.Field != "title" {
					t.Errorf("field = %q", g.Field)
				}
			}
		})
	}
}

func TestNumbersKeepUnitsThatEndAWord(t *testing.T) {
	t.Parallel()
	text := "超过10万家庭 3天到"
	// 超过|10|万|家庭|3|天|到: the 家 of 家庭 is no unit.
	toks := []Token{{"超过", 0, 6}, {"10", 6, 8}, {"万", 8, 11}, {"家庭", 11, 17}, {"3", 18, 19}, {"天", 19, 22}, {"到", 22, 25}}
	got := Numbers(map[string]Field{"title": {Text: text, Tokens: toks}})
	if len(got) != 2 {
		t.Fatalf("Numbers = %+v, want 2 figures", got)
	}
	if q := text[got[0].S:got[0].E]; q != "10万" || got[0].Unit != "" || got[0].Value != 100000 {
		t.Errorf("first figure = %q %+v, want 10万 with no unit", q, got[0])
	}
	if q := text[got[1].S:got[1].E]; q != "3天" || got[1].Unit != "天" {
		t.Errorf("second figure = %q %+v, want 3天", q, got[1])
	}
}

func TestNumbersOrdersFieldsByName(t *testing.T) {
	t.Parallel()
	fields := map[string]Field{
		"title":       {Text: "好评率99%"},
		"description": {Text: "10万+人已买"},
	}
	got := Numbers(fields)
	if len(got) != 2 || got[0].Field != "description" || got[1].Field != "title" {
		t.Fatalf("Numbers = %+v, want description then title", got)
	}
}

// TestNumbersTokenIndexes checks the token indexes Numbers gives each
// figure, with a space the tokenizer dropped between a figure and the next
// word (so no token starts where 5000件 ends).
func TestNumbersTokenIndexes(t *testing.T) {
	t.Parallel()
	text := "已售 5000件 好评率99%"
	toks := []Token{{"已售", 0, 6}, {"5000", 7, 11}, {"件", 11, 14}, {"好评率", 15, 24}, {"99", 24, 26}, {"%", 26, 27}}
	got := Numbers(map[string]Field{"title": {Text: text, Tokens: toks}})
	want := [][3]int{{1, 2, -1}, {4, 5, -1}}
	if len(got) != len(want) {
		t.Fatalf("Numbers(%q) = %+v, want %d figures", text, got, len(want))
	}
	for i, n := range got {
		if n.First == nil || n.Last == nil || n.Next == nil {
			t.Fatalf("figure %q has no token indexes", text[n.S:n.E])
		}
		if idx := [3]int{*n.First, *n.Last, *n.Next}; idx != want[i] {
			t.Errorf("figure %q: first, last, next = %v, want %v", text[n.S:n.E], idx, want[i])
		}
	}
	if n := FiguresIn(text, "title"); len(n) > 0 && n[0].First != nil {
		t.Errorf("FiguresIn has no tokens, yet gives index %d", *n[0].First)
	}
}

// TestSentencesOverTokens checks each sentence's first and end token,
// where the tokenizer dropped the space that opens the second sentence.
func TestSentencesOverTokens(t *testing.T) {
	t.Parallel()
	text := "全棉。 透气！"
	toks := []Token{{"全棉", 0, 6}, {"。", 6, 9}, {"透气", 10, 16}, {"!", 16, 19}}
	got := sentencesOver(Sentences(text), toks)
	want := [][2]int{{0, 2}, {2, 4}}
	if len(got) != len(want) {
		t.Fatalf("sentences of %q = %+v, want %d", text, got, len(want))
	}
	for i, s := range got {
		if idx := [2]int{*s.First, *s.End}; idx != want[i] {
			t.Errorf("sentence %q: first, end = %v, want %v", text[s.S:s.E], idx, want[i])
		}
	}
}
