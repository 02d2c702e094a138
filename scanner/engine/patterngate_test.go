package engine

import "testing"

// A pattern head counts only where its own field holds the later parts of
// one of its patterns, as lib/pattern.rego reads them (the same field,
// after the head): 增强 in the title and a percentage in the description
// (面料：棉100%) complete nothing, nor do 三千万 in the title and 女性 in the
// description; in one field, title or description, they are judged and
// found.
func TestGateCountsAPatternHeadWhereItsFieldCanComplete(t *testing.T) {
	t.Parallel()
	assertGate(t, []gateCase{
		{"强光手电筒 亮度增强", "面料：棉100%", "ad_unsourced_claim", "", false},
		{"三千万 纪念版", "适合女性", "ad_unsourced_claim", "", false},
		{"强光手电筒 亮度增强50%", "", "ad_unsourced_claim", "增强50%", true},
		{"强光手电筒", "实测亮度增强50%", "ad_unsourced_claim", "增强50%", true},
		{"三千万女性的选择", "面料：棉100%", "ad_unsourced_claim", "三千万女性", true},
		{"艾灸贴 颈椎", "治颈椎病", "ad_medical_claim", "治颈椎病", true},
	})
}
