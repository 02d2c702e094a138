package listings

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// product is the part of a schema.org Product (JSON-LD) a listing uses.
type product struct {
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Category    json.RawMessage `json:"category"`
	SKU         json.RawMessage `json:"sku"`
	ProductID   json.RawMessage `json:"productID"`
	URL         string          `json:"url"`
	Brand       json.RawMessage `json:"brand"`
	Material    json.RawMessage `json:"material"`
	Offers      json.RawMessage `json:"offers"`
	Properties  json.RawMessage `json:"additionalProperty"`
	Variants    json.RawMessage `json:"hasVariant"`
}

// offer is a schema.org Offer or AggregateOffer.
type offer struct {
	Name      string          `json:"name"`
	Price     json.RawMessage `json:"price"`
	LowPrice  json.RawMessage `json:"lowPrice"`
	HighPrice json.RawMessage `json:"highPrice"`
	Currency  string          `json:"priceCurrency"`
}

// jsonLDProduct returns the first Product in the page's JSON-LD blocks,
// looking inside arrays and @graph.
func jsonLDProduct(p *page) *product {
	var found *product
	p.find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return true
		}
		found = findProduct(v)
		return found == nil
	})
	return found
}

// findProduct walks decoded JSON for an object whose @type is Product.
func findProduct(v any) *product {
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if p := findProduct(e); p != nil {
				return p
			}
		}
	case map[string]any:
		if isProductType(t["@type"]) {
			return toProduct(t)
		}
		return findProduct(t["@graph"])
	}
	return nil
}

// isProductType accepts "Product" or a type list that holds it.
func isProductType(v any) bool {
	switch t := v.(type) {
	case string:
		return t == "Product" || strings.HasSuffix(t, "/Product") || t == "ProductGroup"
	case []any:
		for _, e := range t {
			if isProductType(e) {
				return true
			}
		}
	}
	return false
}

// toProduct re-decodes a generic JSON object as a product.
func toProduct(m map[string]any) *product {
	b, err := json.Marshal(m)
	if err != nil {
		return nil
	}
	var p product
	if json.Unmarshal(b, &p) != nil {
		return nil
	}
	return &p
}

// offers decodes the offers field: one offer or a list.
func (p *product) offers() []offer {
	var list []offer
	if json.Unmarshal(p.Offers, &list) == nil {
		return list
	}
	var one offer
	if json.Unmarshal(p.Offers, &one) == nil {
		return []offer{one}
	}
	return nil
}

// price reads the offers' price or low/high range.
func (p *product) price() (Price, bool) {
	var out Price
	found := false
	for _, o := range p.offers() {
		lo, okLo := jsonNumber(o.LowPrice)
		hi, okHi := jsonNumber(o.HighPrice)
		v, ok := jsonNumber(o.Price)
		if !okLo && ok {
			lo, okLo = v, true
		}
		if !okHi && ok {
			hi, okHi = v, true
		}
		if !okLo && !okHi {
			continue
		}
		if !okLo {
			lo = hi
		}
		if !okHi {
			hi = lo
		}
		if !found || lo < out.Min {
			out.Min = lo
		}
		if !found || hi > out.Max {
			out.Max = hi
		}
		out.Currency = currencyCode(o.Currency)
		found = true
	}
	out.Text = priceText(out)
	return out, found
}

// currencyCode defaults an empty currency to CNY.
func currencyCode(c string) string {
	if c = strings.ToUpper(strings.TrimSpace(c)); c == "" || c == "RMB" {
		return "CNY"
	}
	return c
}

// priceText renders a price as "129.00" or "99.00 - 129.00".
func priceText(p Price) string {
	if p.Max > p.Min {
		return fmt.Sprintf("%.2f - %.2f", p.Min, p.Max)
	}
	return fmt.Sprintf("%.2f", p.Min)
}

// jsonNumber reads a JSON number or a numeric string ("129.00").
func jsonNumber(raw json.RawMessage) (float64, bool) {
	if len(raw) == 0 {
		return 0, false
	}
	var f float64
	if json.Unmarshal(raw, &f) == nil {
		return f, true
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return 0, false
	}
	p, ok := ParsePrice(s)
	return p.Min, ok
}

// jsonText reads a string, a number, a {"name": ...} object, or a list of
// those (joined with " > "), as schema.org allows for brand and category.
func jsonText(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	return anyText(v)
}

// anyText renders decoded JSON as text.
func anyText(v any) string {
	switch t := v.(type) {
	case string:
		return Clean(t)
	case float64:
		return fmt.Sprint(t)
	case map[string]any:
		return anyText(t["name"])
	case []any:
		parts := make([]string, 0, len(t))
		for _, e := range t {
			if s := anyText(e); s != "" {
				parts = append(parts, s)
			}
		}
		return joinCategory(parts)
	}
	return ""
}

// attributes adds brand, material and additionalProperty name/value pairs.
func (p *product) attributes(set *attrSet) {
	set.add("品牌", jsonText(p.Brand))
	set.add("材质", jsonText(p.Material))
	var props []struct {
		Name  string `json:"name"`
		Value any    `json:"value"`
	}
	if json.Unmarshal(p.Properties, &props) == nil {
		for _, prop := range props {
			set.add(prop.Name, anyText(prop.Value))
		}
	}
}

// skus lists the offer and variant names.
func (p *product) skus() []string {
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		if n = Clean(n); n != "" && !seen[n] && n != Clean(p.Name) {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, o := range p.offers() {
		add(o.Name)
	}
	var variants []struct {
		Name string `json:"name"`
	}
	if json.Unmarshal(p.Variants, &variants) == nil {
		for _, v := range variants {
			add(v.Name)
		}
	}
	return names
}
