package facts

import (
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// materialListing is a down jacket with a description grown to about the
// size of a real item description (100 KB of text).
func materialListing() (*listings.Listing, map[string]Field) {
	para := "精选90%白鸭绒，蓬松度650+，轻盈保暖。面料成分：聚酯纤维100%，里料：聚酯纤维100%。" +
		"充绒量180g（M码），面料经防泼水处理，小雨小雪无惧。温馨提示：羽绒制品请勿机洗，建议专业干洗。\n"
	l := &listings.Listing{
		Title:       "雪域之家羽绒服女中长款 90%白鸭绒 冬季加厚保暖连帽外套 纯棉内衬",
		Subtitle:    "充绒量180g 三防面料 拒绝钻绒",
		Description: strings.Repeat(para, 100<<10/len(para)),
		SKUs:        []string{"经典黑", "奶油白", "S", "M", "L"},
		Attributes: []listings.Attribute{
			{Name: "填充物", Value: "白鸭绒"}, {Name: "含绒量", Value: "90%"}, {Name: "充绒量", Value: "100g(含)-150g(不含)"},
			{Name: "面料材质", Value: "聚酯纤维100%"}, {Name: "里料材质", Value: "棉100%"},
		},
	}
	fields := map[string]Field{}
	for name, text := range map[string]string{
		FieldTitle: l.Title, FieldSubtitle: l.Subtitle, FieldDescription: l.Description,
		FieldSKUs: strings.Join(l.SKUs, "\n"), FieldAttributes: AttributeText(l.Attributes),
	} {
		fields[name] = Field{Text: text}
	}
	return l, fields
}

// BenchmarkMaterialFacts is the cost per listing of the composition, fibre
// claim and down extraction on a 100 KB description.
func BenchmarkMaterialFacts(b *testing.B) {
	l, fields := materialListing()
	b.SetBytes(int64(len(l.Description)))
	b.ReportAllocs()
	for b.Loop() {
		Composition(l, fields)
		FiberClaims(fields)
		DownFacts(l, fields)
	}
}
