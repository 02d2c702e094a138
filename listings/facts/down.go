package facts

import "github.com/xiaoer-dev/xiaoer/listings"

// Down is the down specification the listing states in its attributes.
type Down struct {
	Species        string  `json:"species"`         // 鸭 | 鹅 | ""
	Colour         string  `json:"colour"`          // 白 | 灰 | ""
	ContentPercent float64 `json:"content_percent"` // 绒子含量 / 含绒量
	FillGrams      float64 `json:"fill_grams"`      // 充绒量
	Filling        string  `json:"filling"`         // 填充物 as stated
	Field          string  `json:"field"`
}

// DownClaim is a down figure stated in the copy (90%白鸭绒, 含绒量90%).
type DownClaim struct {
	Percent float64 `json:"percent"`
	Species string  `json:"species"`
	Colour  string  `json:"colour"`
	Field   string  `json:"field"`
	S       int     `json:"s"`
	E       int     `json:"e"`
}

// DownFacts finds the down specification and the down claims in the copy.
// TODO(material): full parser (issue 4).
func DownFacts(l *listings.Listing, fields map[string]Field) (*Down, []DownClaim) {
	return nil, nil
}
