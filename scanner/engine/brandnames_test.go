package engine

import (
	"context"
	"strconv"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// brandListings are listings with brand attributes (split at each mark
// the Rego splits at, spaces, upper case, an empty value, an attribute
// that is no brand) and brand labels in their text (a colon of either
// width, a space, marks and brackets after it, a label at the end).
func brandListings() []*listings.Listing {
	attrs := [][]listings.Attribute{
		{{Name: "品牌", Value: "Philips/飞利浦"}, {Name: "材质成分", Value: "棉100%"}},
		{{Name: "品牌", Value: "迪奥（Dior）| Christian Dior ,CD、迪奥;ＤＩＯＲ"}},
		{{Name: "品牌名称", Value: "  "}, {Name: "颜色分类", Value: "黑色/白色"}},
		{{Name: "品牌", Value: "三只松鼠"}, {Name: "品牌", Value: "other/其他"}},
		{{Name: "颜色分类", Value: "Philips/飞利浦"}},
		nil,
	}
	texts := []string{
		"品牌：最生活（注册商标）毛巾 最好的选择",
		"品牌: ABSOLUT 绝对 伏特加 最好喝",
		"第一品牌 最好 品牌:小米 手机",
		"品牌名称：the north face/北面 冲锋衣",
		"最好的 品牌：",
		"品牌：，最好",
		"品牌:a b c d e f g h 最好",
		"品牌：最生活家居馆旗舰店 毛巾",
		"品牌：日本进口原装 最好",
		"品牌：日本进口原装正品 毛巾",
	}
	return crossListings("brands", attrs, texts)
}

// crossListings are a listing for each set of attributes and text, its
// description the text after it.
func crossListings(source string, attrs [][]listings.Attribute, texts []string) []*listings.Listing {
	var out []*listings.Listing
	for i, a := range attrs {
		for j, text := range texts {
			out = append(out, &listings.Listing{Source: source, ID: strconv.Itoa(i*len(texts) + j),
				Title: text, Description: texts[(j+1)%len(texts)], Attributes: a})
		}
	}
	return out
}

// TestBrandNamesAsRego: on the engine's documents xiaoer.brand_names
// gives the names attribute_brands and declared_brands give in Rego,
// for listings with brand attributes and labels (brandListings) and the
// fixture, corpus (or labelled) listings; a document built by hand (no
// found list) leaves it undefined, so brand_names takes the Rego.
func TestBrandNamesAsRego(t *testing.T) {
	t.Parallel()
	c := checker(t)
	builtin := packQuery(t, `x := xiaoer.brand_names(input.listing, data.tables.registered_names)`)
	walked := packQuery(t, `x := object.union(data.xiaoer.lib.lexicon.attribute_brands, data.xiaoer.lib.lexicon.declared_brands)`)
	named := 0
	for _, l := range append(brandListings(), stemListings(t)...) {
		r, _, ok := agreedAnswer(t, c, l, builtin, walked)
		if ok && r.(ast.Object).Len() > 0 {
			named++
		}
	}
	if named < 30 {
		t.Errorf("%d listings with brand names: want more", named)
	}
	hand := ast.MustParseTerm(`{"listing": {"attributes": [{"name": "品牌", "value": "a/b"}], "fields": {}}}`).Value
	if b, r := brandAnswer(t, builtin, hand), brandAnswer(t, walked, hand); b != nil || r == nil || ast.Compare(r, ast.MustParseTerm(`{"a": true, "b": true}`).Value) != 0 {
		t.Errorf("document built by hand: builtin %v, Rego %v; want undefined, {a, b}", b, r)
	}
}

// agreedAnswer is what walked binds to x for listing l's engine input,
// and that input; not ok (an error reported) where builtin binds another
// answer or either is undefined.
func agreedAnswer(t *testing.T, c *judge, l *listings.Listing, builtin, walked rego.PreparedEvalQuery) (ast.Value, ast.Value, bool) {
	t.Helper()
	in, err := c.Engine.input(c.Builder.Build(l), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, r := brandAnswer(t, builtin, in), brandAnswer(t, walked, in)
	if b == nil || r == nil || ast.Compare(b, r) != 0 {
		t.Errorf("%s %s %q: builtin %v, Rego %v", l.Source, l.ID, l.Title, b, r)
		return nil, in, false
	}
	return r, in, true
}

// brandAnswer is what pq binds to x for input (nil where undefined).
func brandAnswer(t *testing.T, pq rego.PreparedEvalQuery, in ast.Value) ast.Value {
	t.Helper()
	return answerIn(t, context.Background(), pq, in)
}

// answerIn is what pq binds to x for input, evaluated with ctx (nil
// where undefined).
func answerIn(t *testing.T, ctx context.Context, pq rego.PreparedEvalQuery, in ast.Value) ast.Value {
	t.Helper()
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) == 0 {
		return nil
	}
	v, err := ast.InterfaceToValue(rs[0].Bindings["x"])
	if err != nil {
		t.Fatal(err)
	}
	return v
}
