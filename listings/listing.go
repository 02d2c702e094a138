// Package listings turns bytes (item pages, listing files, shop exports) into
// Listings: plain data that the facts package turns into a policy input document.
package listings

// Listing is one product listing as the seller shows it, before any judgment.
type Listing struct {
	ID          string      `json:"id"`
	Platform    string      `json:"platform"` // taobao, tmall, jd, pdd, douyin, generic
	Source      string      `json:"source"`   // path or URL it came from
	URL         string      `json:"url,omitempty"`
	Title       string      `json:"title"`
	Subtitle    string      `json:"subtitle,omitempty"`
	Price       Price       `json:"price"`
	Category    string      `json:"category,omitempty"`
	Attributes  []Attribute `json:"attributes,omitempty"`
	Description string      `json:"description,omitempty"` // plain text, HTML already stripped
	SKUs        []string    `json:"skus,omitempty"`        // SKU / variant names (颜色分类, 尺码 ...)
	Promises    []string    `json:"promises,omitempty"`    // promises stated explicitly in a listing file
	DescURL     string      `json:"desc_url,omitempty"`    // Taobao/Tmall load the description from here
	Encoding    string      `json:"encoding"`              // how the bytes were decoded: utf-8, gb18030 ...
	Ignores     []Ignore    `json:"ignores,omitempty"`     // suppressions written in the listing itself

	// Positions says where each field's text starts in the source file, for
	// inputs that have lines. Findings use it to point at the offending line.
	Positions Positions `json:"-"`
	// Raw is the decoded source text (for locating evidence in HTML pages).
	Raw string `json:"-"`
	// Columns, for a shop export row, says what each column was read as.
	Columns *ColumnReport `json:"-"`
}

// Price is what the listing asks; ranges such as "149.00 - 159.00" keep both ends.
type Price struct {
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
	Currency string  `json:"currency"`
	Text     string  `json:"text,omitempty"`
}

// Highest is the price a claim is computed from (the top of a range).
func (p Price) Highest() float64 {
	if p.Max > p.Min {
		return p.Max
	}
	return p.Min
}

// Attribute is one name/value pair from an attribute list or spec table.
type Attribute struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Ignore suppresses a rule for this listing; a reason is mandatory.
type Ignore struct {
	Rule     string   `json:"rule"`
	Reason   string   `json:"reason"`
	Position Position `json:"-"`
}

// Position is a 1-based line and column (in characters) in a source file.
// Block is true when the field's text starts on the line after Line
// (YAML block scalars), so offsets inside the text map to later lines.
type Position struct {
	Line   int  `json:"line"`
	Column int  `json:"column"`
	Block  bool `json:"-"`
}

// Known reports whether the position was recorded.
func (p Position) Known() bool { return p.Line > 0 }
