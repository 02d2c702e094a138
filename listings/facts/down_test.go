package facts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// describeDownClaims renders claims as "quoted=kind:details".
func describeDownClaims(text string, claims []DownClaim) string {
	var out []string
	for _, c := range claims {
		d := c.Kind
		switch c.Kind {
		case DownContent:
			d += fmt.Sprintf(":%g%s%s", c.Percent, c.Colour, c.Species)
		case DownFill:
			d += fmt.Sprintf(":%gg", c.Grams)
		case DownGarment, DownFilling:
			d += ":" + c.Name
		case DownSpecies:
			d += ":" + c.Colour + c.Species
		}
		if c.AtLeast {
			d += "+"
		}
		if c.Labelled {
			d += "*"
		}
		out = append(out, text[c.S:c.E]+"="+d)
	}
	return strings.Join(out, " ")
}

func TestDownClaims(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, text, want string }{
		{"share and species", "90%白鸭绒羽绒服女", "90%白鸭绒=content:90白鸭 羽绒服=garment:羽绒服"},
		{"bare figure", "冬季90白鸭绒短款外套", "90白鸭绒=content:90白鸭"},
		{"labelled share", "含绒量90% 轻薄保暖", "含绒量90%=content:90*"},
		{"绒子含量 with colon", "绒子含量：95%", "绒子含量：95%=content:95*"},
		{"share after species", "白鹅绒95% 鹅绒被", "白鹅绒95%=content:95白鹅 鹅绒被=garment:鹅绒被"},
		{"species with 含量", "鸭绒含量80%以上", "鸭绒含量80%以上=content:80鸭+"},
		{"figure then label", "90%含绒量 大牌羽绒服", "90%含绒量=content:90* 羽绒服=garment:羽绒服"},
		{"100% down", "100%鸭绒 冬季", "100%鸭绒=content:100鸭"},
		{"species only", "白鹅绒 长款", "白鹅绒=species:白鹅"},
		{"labelled filling", "填充物：90%白鸭绒", "90%白鸭绒=content:90白鸭*"},
		{"fill weight", "充绒量200g 加厚", "充绒量200g=fill:200g*"},
		{"fill weight in kg", "充绒量：0.25kg", "充绒量：0.25kg=fill:250g*"},
		{"羽绒棉 is a filling", "羽绒棉服女短款", "羽绒棉=filling:羽绒棉"},
		{"羽丝绒", "冬季外套 羽丝绒填充", "羽丝绒=filling:羽丝绒"},
		{"天鹅绒 is velvet", "天鹅绒连衣裙 金丝绒", ""},
		{"size is not a share", "2017新款白鸭绒 180/96A", "白鸭绒=species:白鸭"},
		{"size letters", "xl90白鸭绒", "白鸭绒=species:白鸭"},
		{"plain 羽绒 names no species", "轻薄羽绒 内胆", ""},
		{"traditional", "90%白鴨絨羽絨服", "90%白鴨絨=content:90白鸭 羽絨服=garment:羽绒服"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, got := DownFacts(&listings.Listing{Title: tc.text}, map[string]Field{FieldTitle: {Text: tc.text}})
			if d := describeDownClaims(tc.text, got); d != tc.want {
				t.Errorf("got %q, want %q", d, tc.want)
			}
		})
	}
}

func TestDownAttributes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		attrs []listings.Attribute
		want  string // species colour content fill filling_name
	}{
		{"tmall down jacket", []listings.Attribute{{Name: "填充物", Value: "白鸭绒"}, {Name: "含绒量", Value: "90%"}, {Name: "充绒量", Value: "100g(含)-150g(不含)"}}, "鸭 白 90 100 鸭绒"},
		{"绒子含量 and grams", []listings.Attribute{{Name: "填充物", Value: "白鹅绒"}, {Name: "绒子含量", Value: "95%"}, {Name: "充绒量", Value: "220克"}}, "鹅 白 95 220 鹅绒"},
		{"share in the filling", []listings.Attribute{{Name: "填充物", Value: "90%灰鸭绒"}}, "鸭 灰 90 0 鸭绒"},
		{"bare content figure", []listings.Attribute{{Name: "含绒量", Value: "80"}}, "  80 0 "},
		{"content as a range", []listings.Attribute{{Name: "含绒量", Value: "50%(含)-70%(不含)"}}, "  50+ 0 "},
		{"synthetic filling", []listings.Attribute{{Name: "填充物", Value: "羽绒棉"}}, "  0 0 羽绒棉"},
		{"polyester filling", []listings.Attribute{{Name: "填充物", Value: "聚酯纤维100%"}}, "  0 0 聚酯纤维"},
		{"no down attributes", []listings.Attribute{{Name: "材质成分", Value: "棉100%"}}, "none"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, _ := DownFacts(&listings.Listing{Attributes: tc.attrs}, nil)
			got := "none"
			if d != nil {
				plus := ""
				if d.ContentAtLeast {
					plus = "+"
				}
				got = fmt.Sprintf("%s %s %g%s %g %s", d.Species, d.Colour, d.ContentPercent, plus, d.FillGrams, d.FillingName)
				text := AttributeText(tc.attrs)
				for k, sp := range d.Spans {
					if sp.S < 0 || sp.E > len(text) || sp.S >= sp.E {
						t.Errorf("span %s = %+v outside %q", k, sp, text)
					}
				}
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDownNameAttribute(t *testing.T) {
	t.Parallel()
	attrs := []listings.Attribute{{Name: "品牌", Value: "某某"}, {Name: "品名", Value: "男士羽绒服"}}
	_, claims := DownFacts(&listings.Listing{Attributes: attrs}, nil)
	text := AttributeText(attrs)
	if d := describeDownClaims(text, claims); d != "羽绒服=garment:羽绒服" {
		t.Errorf("claims %q", d)
	}
}
