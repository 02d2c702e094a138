package facts

import (
	"math"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// FuzzComposition: any attribute (name and value) and any copy text give
// fibres with shares from 0 to 100 and spans inside their field's text.
// Seeds: testdata/fuzz/FuzzComposition.
func FuzzComposition(f *testing.F) {
	f.Add("材质成分", "面料1: 棉100% 罗纹: 棉95% 氨纶5%", "纯棉T恤 含棉量96%及以上")
	f.Fuzz(func(t *testing.T, name, value, copyText string) {
		l := &listings.Listing{Attributes: []listings.Attribute{{Name: name, Value: value}}, Title: copyText}
		fields := map[string]Field{FieldTitle: {Text: copyText}}
		attrText := AttributeText(l.Attributes)
		for _, fb := range Composition(l, fields) {
			if math.IsNaN(fb.Percent) || fb.Percent < 0 || fb.Percent > 100 {
				t.Fatalf("share %v out of range: %+v", fb.Percent, fb)
			}
			text := copyText
			if fb.Field == FieldAttributes {
				text = attrText
			}
			if fb.S < 0 || fb.E > len(text) || fb.S > fb.E {
				t.Fatalf("span [%d,%d) outside %q: %+v", fb.S, fb.E, text, fb)
			}
		}
	})
}
