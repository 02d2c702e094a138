package facts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// describeComposition renders fibres statement by statement, in the form the
// tables below expect: "里料:聚酯纤维100 | 棉95 聚氨酯弹性纤维5"; a part is
// shown when named, ≥ marks a lower bound and ~ a fibre named without a figure.
func describeComposition(fibres []Fiber) string {
	var stmts []string
	var cur []string
	last := -1
	flush := func(part string) {
		if len(cur) == 0 {
			return
		}
		s := strings.Join(cur, " ")
		if part != "" {
			s = part + ":" + s
		}
		stmts = append(stmts, s)
		cur = nil
	}
	part := ""
	for _, f := range fibres {
		if f.Statement != last {
			flush(part)
			last, part = f.Statement, f.Part
		}
		switch {
		case f.Implied:
			cur = append(cur, "~"+f.Fiber)
		case f.AtLeast:
			cur = append(cur, fmt.Sprintf("%s≥%g", f.Fiber, f.Percent))
		default:
			cur = append(cur, fmt.Sprintf("%s%g", f.Fiber, f.Percent))
		}
	}
	flush(part)
	return strings.Join(stmts, " | ")
}

func TestCompositionAttributeValues(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, value, want string }{
		{"材质成分", "棉100%", "棉100"},
		{"材质成分", "100%棉", "棉100"},
		{"材质成分", "棉95% 聚氨酯弹性纤维(氨纶)5%", "棉95 聚氨酯弹性纤维5"},
		{"面料", "棉95% 氨纶5%", "面料:棉95 聚氨酯弹性纤维5"},
		{"材质成分", "主面料:棉60% 聚酯纤维40%; 里料: 聚酯纤维100%", "面料:棉60 聚酯纤维40 | 里料:聚酯纤维100"},
		{"材质成分", "棉95.5% 聚氨酯弹性纤维4.5%", "棉95.5 聚氨酯弹性纤维4.5"},
		{"材质成分", "棉60% 聚酯纤维30%", "棉60 聚酯纤维30"},
		{"材质成分", "棉80% 聚酯纤维30%", "棉80 聚酯纤维30"},
		{"材质成分", "棉95% 氨纶5% 聚酯纤维100%", "棉95 聚氨酯弹性纤维5 | 其他部位:聚酯纤维100"},
		{"材质成分", "涤纶100%", "聚酯纤维100"},
		{"材质成分", "锦纶82% 氨纶18%", "聚酰胺纤维82 聚氨酯弹性纤维18"},
		{"材质成分", "尼龙90% 氨纶10%", "聚酰胺纤维90 聚氨酯弹性纤维10"},
		{"材质成分", "粘纤65% 聚酯纤维35%", "粘胶纤维65 聚酯纤维35"},
		{"材质成分", "人造棉100%", "粘胶纤维100"},
		{"材质成分", "粘胶纤维(粘纤)100%", "粘胶纤维100"},
		{"材质成分", "天丝70% 棉30%", "莱赛尔纤维70 棉30"},
		{"材质成分", "莱赛尔纤维100%", "莱赛尔纤维100"},
		{"材质成分", "莫代尔92% 氨纶8%", "莫代尔纤维92 聚氨酯弹性纤维8"},
		{"材质成分", "桑蚕丝100%", "桑蚕丝100"},
		{"材质成分", "真丝93% 氨纶7%", "桑蚕丝93 聚氨酯弹性纤维7"},
		{"材质成分", "山羊绒100%", "山羊绒100"},
		{"材质成分", "羊绒95% 羊毛5%", "山羊绒95 羊毛5"},
		{"材质成分", "绵羊毛70% 聚酰胺纤维30%", "羊毛70 聚酰胺纤维30"},
		{"材质成分", "亚麻100%", "亚麻100"},
		{"材质成分", "苎麻55% 棉45%", "苎麻55 棉45"},
		{"材质成分", "棉55% 麻45%", "棉55 麻45"},
		{"材质成分", "95%棉 5%氨纶", "棉95 聚氨酯弹性纤维5"},
		{"材质成分", "50%棉50%聚酯纤维", "棉50 聚酯纤维50"},
		{"材质成分", "棉95%+氨纶5%", "棉95 聚氨酯弹性纤维5"},
		{"材质成分", "棉95%/氨纶5%", "棉95 聚氨酯弹性纤维5"},
		{"材质成分", "棉95%，氨纶5%", "棉95 聚氨酯弹性纤维5"},
		{"材质成分", "棉：95%  氨纶：5%", "棉95 聚氨酯弹性纤维5"},
		{"材质成分", "棉 (95%) 氨纶 (5%)", "棉95 聚氨酯弹性纤维5"},
		{"材质成分", "棉９５％ 氨纶５％", "棉95 聚氨酯弹性纤维5"},
		{"材质成分", "棉95% 5%氨纶", "棉95 聚氨酯弹性纤维5"},
		{"材质成分", "聚酯纤维(涤纶)65% 棉35%", "聚酯纤维65 棉35"},
		{"材质成分", "棉100% 含微量其他纤维", "棉100"},
		{"材质成分", "棉99.6% 含微量聚酯纤维0.4%", "棉99.6"},
		{"材质成分", "棉96% 其他纤维4%", "棉96 其他纤维4"},
		{"材质成分", "cotton 100%", "棉100"},
		{"材质成分", "新疆长绒棉100%", "棉100"},
		{"材质成分", "精梳棉 100%", "棉100"},
		{"材質成分", "滌綸100%", "聚酯纤维100"},
		{"材质成分", "其他100%", "其他纤维100"},
		{"面料材质", "纯棉", "面料:棉100"},
		{"面料材质", "棉", "面料:~棉"},
		{"面料", "涤棉", "面料:~聚酯纤维 ~棉"},
		{"材质", "棉麻", "~棉 ~麻"},
		{"面料", "其他", ""},
		{"面料分类", "平纹布", ""},
		{"里料分类", "涤纶", "里料:~聚酯纤维"},
		{"里料", "聚酯纤维100%", "里料:聚酯纤维100"},
		{"填充物", "聚酯纤维100%", "填充物:聚酯纤维100"},
		{"面料", "外层:羊毛70% 锦纶30% 里层:聚酯纤维100%", "面料:羊毛70 聚酰胺纤维30 | 里料:聚酯纤维100"},
		{"材质成分", "面料1: 棉100% 罗纹: 棉95% 氨纶5%", "面料:棉100 | 罗纹:棉95 聚氨酯弹性纤维5"},
		{"材质成分", "主面料成分：棉97% 聚氨酯弹性纤维3%", "面料:棉97 聚氨酯弹性纤维3"},
		{"材质成分", "大身：棉100%；袖子拼接：聚酯纤维100%", "面料:棉100 | 拼接:聚酯纤维100"},
		{"材质成分", "羽绒棉100%", ""},
		{"材质成分", "冰丝100%", ""},
		{"材质", "珊瑚绒", ""},
		{"材质成分", "聚酯纤维100% 罗纹:棉96% 氨纶4%", "聚酯纤维100 | 罗纹:棉96 聚氨酯弹性纤维4"},
		{"成分含量", "96%及以上", ""},
		{"材质成分", "蚕丝100%", "蚕丝100"},
	}
	for _, tc := range tests {
		t.Run(tc.name+"="+tc.value, func(t *testing.T) {
			t.Parallel()
			l := &listings.Listing{Attributes: []listings.Attribute{{Name: "品牌", Value: "其他"}, {Name: tc.name, Value: tc.value}}}
			got := Composition(l, nil)
			if d := describeComposition(got); d != tc.want {
				t.Errorf("got %q, want %q", d, tc.want)
			}
			text := AttributeText(l.Attributes)
			for _, f := range got {
				if f.Field != FieldAttributes || f.S < 0 || f.E > len(text) || f.S >= f.E {
					t.Errorf("bad span %+v in %q", f, text)
				}
			}
		})
	}
}

func TestCompositionShareAttributes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		attrs []listings.Attribute
		want  string
	}{
		{"fibre and share in two attributes", []listings.Attribute{{Name: "主面料成分", Value: "棉"}, {Name: "主面料成分含量", Value: "95%"}}, "面料:棉95"},
		{"share as a lower bound", []listings.Attribute{{Name: "主面料成分", Value: "棉"}, {Name: "主面料成分的含量", Value: "96%及以上"}}, "面料:棉≥96"},
		{"range of shares", []listings.Attribute{{Name: "主面料成分", Value: "聚酯纤维"}, {Name: "主面料成分含量", Value: "80%(含)-89%(含)"}}, "面料:聚酯纤维≥80"},
		{"fibre in the name", []listings.Attribute{{Name: "羊毛含量", Value: "70%"}}, "羊毛70"},
		{"share with no partner", []listings.Attribute{{Name: "成分含量", Value: "95%"}}, ""},
		{"two attributes, two statements", []listings.Attribute{{Name: "材质成分", Value: "棉100%"}, {Name: "面料", Value: "聚酯纤维"}}, "棉100 | 面料:~聚酯纤维"},
		{"down attributes are not fibres", []listings.Attribute{{Name: "含绒量", Value: "90%"}, {Name: "充绒量", Value: "150g"}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := Composition(&listings.Listing{Attributes: tc.attrs}, nil)
			if d := describeComposition(got); d != tc.want {
				t.Errorf("got %q, want %q", d, tc.want)
			}
		})
	}
}

func TestCompositionInCopy(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, text, want string }{
		{"labelled in description", "面料成分：棉95% 氨纶5%，柔软亲肤。", "面料:棉95 聚氨酯弹性纤维5"},
		{"two parts on two lines", "面料：棉100%\n里料：聚酯纤维100%", "面料:棉100 | 里料:聚酯纤维100"},
		{"two fibres unlabelled", "春秋款 棉95%氨纶5% 弹力修身", "棉95 聚氨酯弹性纤维5"},
		{"labelled single fibre", "材质：100%纯棉", "棉100"},
		{"lone 100% is a claim, not a statement", "100%棉短袖T恤", ""},
		{"fibre far from the figure", "棉质柔软，95%的顾客选择回购", ""},
		{"price is not a share", "纯棉T恤 领券立减20% 到手价59", ""},
		{"part and parts", "主面料:棉60% 聚酯纤维40%; 里料: 聚酯纤维100%", "面料:棉60 聚酯纤维40 | 里料:聚酯纤维100"},
		{"spec block", "【产品参数】\n品名：短袖T恤\n成分：棉96% 氨纶4%\n颜色：白色", "棉96 聚氨酯弹性纤维4"},
		{"traditional", "成份：純棉100%", "棉100"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fields := map[string]Field{FieldDescription: {Text: tc.text}}
			got := Composition(&listings.Listing{Description: tc.text}, fields)
			if d := describeComposition(got); d != tc.want {
				t.Errorf("got %q, want %q", d, tc.want)
			}
			for _, f := range got {
				if f.Field != FieldDescription || f.E > len(tc.text) || f.S >= f.E {
					t.Errorf("bad span %+v", f)
				}
			}
		})
	}
}

func TestCompositionSpansQuoteTheSeller(t *testing.T) {
	t.Parallel()
	text := "成分：棉９５％ 聚氨酯弹性纤维（氨纶）５％"
	got := Composition(&listings.Listing{}, map[string]Field{FieldDescription: {Text: text}})
	var quoted []string
	for _, f := range got {
		quoted = append(quoted, text[f.S:f.E])
	}
	want := []string{"棉９５％", "聚氨酯弹性纤维（氨纶）５％"}
	if strings.Join(quoted, "|") != strings.Join(want, "|") {
		t.Errorf("quoted %q, want %q", quoted, want)
	}
}

func TestCompositionRepeatedSpecBlock(t *testing.T) {
	t.Parallel()
	text := "面料：100%纯棉\n洗涤：手洗\n面料：100%纯棉\n里料：聚酯纤维100%"
	fields := map[string]Field{FieldDescription: {Text: text}}
	if d := describeComposition(Composition(&listings.Listing{}, fields)); d != "面料:棉100 | 里料:聚酯纤维100" {
		t.Errorf("composition %q, want each statement once", d)
	}
	if claims := FiberClaims(fields); len(claims) != 0 {
		t.Errorf("a repeated statement is no claim: %+v", claims)
	}
}

func TestNormalizeFastMatchesNormalize(t *testing.T) {
	t.Parallel()
	for _, r := range "ＡＢ１２％：（）　Ab純棉絲蠶滌綸亞麻ｶﾞ°×～、。￥" {
		if got, want := normalizeFast(r), normalizeRune(r); got != want {
			t.Errorf("normalizeFast(%q) = %q, normalizeRune = %q", r, got, want)
		}
	}
}
