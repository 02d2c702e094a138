package facts

import "github.com/xiaoer-dev/xiaoer/listings"

// Promise is one service promise found in the listing (24小时发货, 假一赔十 ...).
type Promise struct {
	Kind  string  `json:"kind"`            // ship_within_hours, presale_days, returns_7day, ...
	Hours float64 `json:"hours,omitempty"` // for shipping windows
	N     float64 `json:"n,omitempty"`     // multiplier or percent where the kind has one
	Text  string  `json:"text"`
	Field string  `json:"field"`
	S     int     `json:"s"`
	E     int     `json:"e"`
}

// Promises finds service promises in every field.
// TODO(promises): full extractor (issues 5 and 8).
func Promises(l *listings.Listing, fields map[string]Field) []Promise {
	return nil
}
