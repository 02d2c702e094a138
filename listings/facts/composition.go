package facts

import "github.com/xiaoer-dev/xiaoer/listings"

// Fiber is one stated fibre share, e.g. 棉 95% of the 主面料.
type Fiber struct {
	Fiber   string  `json:"fiber"`   // standard name (GB/T 29862), e.g. 棉, 聚酯纤维
	Percent float64 `json:"percent"` // as stated
	Part    string  `json:"part"`    // 主面料, 里料 ... ("" when the listing names none)
	Field   string  `json:"field"`   // where it was stated
	S       int     `json:"s"`
	E       int     `json:"e"`
}

// Composition finds the stated fibre composition in the listing's attributes,
// spec tables, description and SKU names.
// TODO(material): full parser (issue 4).
func Composition(l *listings.Listing, fields map[string]Field) []Fiber {
	return nil
}
