package engine

import (
	"strconv"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// spanKinds is a query for the kind of name each span of one to three
// tokens of every field lies inside, as KIND(c) answers it: every place
// a hit could be.
const spanKinds = `x := {[f, i, n, kind] |
	some f, field in input.listing.fields
	some i, _ in field.tokens
	some n in [1, 2, 3]
	i + n <= count(field.tokens)
	c := {"field": f, "i": i, "n": n}
	kind := KIND(c)
}`

// registeredBrands are names a shop registers in .xiaoer.yaml, keyed as
// the config keys them; more than 16, so inside_name looks each run up.
var registeredBrands = []string{
	"飞利浦", "philips", "小米", "华为", "美的", "格力", "海尔", "耐克", "李宁", "安踏",
	"欧莱雅", "兰蔻", "三只松鼠", "良品铺子", "百草味", "九阳", "苏泊尔", "索尼", "最生活", "王者荣耀",
}

// titleListings are listings with titles of works: in 《》 (nested, unclosed,
// far apart, the same title unmarked elsewhere) and from the works lexicon.
func titleListings() []*listings.Listing {
	texts := []string{
		"绘本书名《失眠的夜晚》最好的睡前故事 失眠的夜晚 绘本",
		"《最好的我们》同款 最好 学生 书包",
		"《最强大脑》《第一滴血》 全新正品 第一",
		"《 最 》 最好",
		"《最好的时光 》最好 《一二三四五六七八九十十一十二十三十四》 最",
		"最炫民族风 广场舞 音响 最大 音量",
		"《未闭合 最好 书签",
		"》反向《 最好 》",
	}
	var out []*listings.Listing
	for i, text := range texts {
		out = append(out, &listings.Listing{Source: "titles", ID: strconv.Itoa(i),
			Title: text, Description: texts[(i+3)%len(texts)]})
	}
	return out
}

// TestNameKindAsRego: on the engine's documents xiaoer.name_kind gives
// the kind name_kind gives in Rego for every span of up to three tokens,
// on listings with brand attributes and labels, titles of works, the
// fixture, corpus (or labelled) listings (every other one), with no registered name, a few
// and more than 16 (the two bodies of inside_name); a document built by
// hand (no found list) leaves it undefined, so name_exemption takes the
// Rego.
func TestNameKindAsRego(t *testing.T) {
	t.Parallel()
	c := checker(t)
	builtin, walked := kindQueries(t)
	kinds := map[string]int{}
	ls := append(brandListings(), titleListings()...)
	for i, l := range stemListings(t) {
		if i%2 == 0 { // every other one: every span of each is asked six times
			ls = append(ls, l)
		}
	}
	for i, l := range ls {
		in, err := c.Engine.input(c.Builder.Build(l), nil)
		if err != nil {
			t.Fatal(err)
		}
		for names := range builtin {
			if names > 0 && i%5 != 0 {
				break
			}
			b, r := brandAnswer(t, builtin[names], in), brandAnswer(t, walked[names], in)
			if b == nil || r == nil || ast.Compare(b, r) != 0 {
				t.Fatalf("%s %s %q with registered names %d: builtin %v, Rego %v", l.Source, l.ID, l.Title, names, b, r)
			}
			countKinds(kinds, r.(*ast.Array))
		}
	}
	for _, kind := range []string{"registered_name", "brand_attribute", "work_title"} {
		if kinds[kind] < 20 {
			t.Errorf("%d spans inside a name of kind %s: want more (%v)", kinds[kind], kind, kinds)
		}
	}
	hand := ast.MustParseTerm(`{"listing": {"attributes": [{"name": "品牌", "value": "ab"}], "fields": {"title": {"tokens": [{"t": "ab", "s": 0, "e": 2}]}}}}`).Value
	if b, r := brandAnswer(t, builtin[0], hand), brandAnswer(t, walked[0], hand); b == nil || b.(*ast.Array).Len() != 0 || r == nil || r.(*ast.Array).Len() != 1 {
		t.Errorf("document built by hand: builtin %v, Rego %v; want none, one brand span", b, r)
	}
}

// kindQueries are spanKinds asked of xiaoer.name_kind and of the Rego,
// with no registered name in the config (every listing), a few and all
// of registeredBrands (every fifth).
func kindQueries(t *testing.T) (builtin, walked []rego.PreparedEvalQuery) {
	t.Helper()
	few, all := map[string]string{}, map[string]string{}
	for j, name := range registeredBrands {
		if j%4 == 0 {
			few[name] = name
		}
		all[name] = name
	}
	args := "input.listing, c, data.xiaoer.lib.lexicon.registered_names, data.xiaoer.lib.lexicon.brand_names"
	for _, names := range []map[string]string{nil, few, all} {
		with := ""
		if names != nil {
			with = " with data.config.registered_names as " + ast.MustInterfaceToValue(names).String()
		}
		builtin = append(builtin, packQuery(t, strings.ReplaceAll(spanKinds, "KIND(c)", "xiaoer.name_kind("+args+")")+with))
		walked = append(walked, packQuery(t, strings.ReplaceAll(spanKinds, "KIND", "data.xiaoer.lib.lexicon.name_kind")+with))
	}
	return builtin, walked
}

// countKinds counts the spans of each kind of name.
func countKinds(kinds map[string]int, spans *ast.Array) {
	spans.Foreach(func(s *ast.Term) {
		kind := s.Value.(*ast.Array).Elem(3).Value.(ast.String)
		kinds[string(kind)]++
	})
}
