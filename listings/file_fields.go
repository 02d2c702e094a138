package listings

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// fieldParser decodes the fields of one listing mapping.
type fieldParser struct {
	file     *fileParser
	l        *Listing
	currency string
}

// fieldDecoder decodes one field's value node.
type fieldDecoder func(fp *fieldParser, key string, v *yaml.Node) error

// fileFields are the keys a listing file may use.
var fileFields = map[string]fieldDecoder{
	"id":          textField(func(l *Listing, s string) { l.ID = s }),
	"platform":    textField(func(l *Listing, s string) { l.Platform = strings.ToLower(s) }),
	"url":         textField(func(l *Listing, s string) { l.URL = s }),
	"desc_url":    textField(func(l *Listing, s string) { l.DescURL = s }),
	"title":       textField(func(l *Listing, s string) { l.Title = s }),
	"subtitle":    textField(func(l *Listing, s string) { l.Subtitle = s }),
	"category":    textField(func(l *Listing, s string) { l.Category = s }),
	"description": textField(func(l *Listing, s string) { l.Description = htmlToText(s) }),
	"currency":    (*fieldParser).currencyField,
	"price":       (*fieldParser).priceField,
	"attributes":  (*fieldParser).attributesField,
	"skus":        listField(func(l *Listing, s []string) { l.SKUs = s }),
	"promises":    listField(func(l *Listing, s []string) { l.Promises = s }),
	"ignore":      (*fieldParser).ignoreField,
}

// knownKeys lists fileFields for error messages.
var knownKeys = func() string {
	keys := make([]string, 0, len(fileFields))
	for k := range fileFields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}()

// textField decodes a scalar into one string field.
func textField(set func(*Listing, string)) fieldDecoder {
	return func(fp *fieldParser, key string, v *yaml.Node) error {
		if v.Kind != yaml.ScalarNode {
			return invalid(v, key, "want text")
		}
		fp.mark(key, v)
		// Only trailing space goes: leading text keeps its column.
		set(fp.l, strings.TrimRight(v.Value, " \t\r\n"))
		return nil
	}
}

// listField decodes a list of scalars, recording key.N positions.
func listField(set func(*Listing, []string)) fieldDecoder {
	return func(fp *fieldParser, key string, v *yaml.Node) error {
		if v.Kind != yaml.SequenceNode {
			return invalid(v, key, "want a list of texts")
		}
		fp.mark(key, v)
		out := make([]string, 0, len(v.Content))
		for i, item := range v.Content {
			item = resolve(item)
			if item.Kind != yaml.ScalarNode {
				return invalid(item, fmt.Sprintf("%s.%d", key, i), "want text")
			}
			fp.mark(fmt.Sprintf("%s.%d", key, len(out)), item)
			out = append(out, strings.TrimSpace(item.Value))
		}
		set(fp.l, out)
		return nil
	}
}

// mark records where a field's value starts.
func (fp *fieldParser) mark(key string, v *yaml.Node) {
	fp.l.Positions.Set(key, fp.file.position(v))
}

// currencyField sets the currency of the price, whichever comes first.
func (fp *fieldParser) currencyField(key string, v *yaml.Node) error {
	if v.Kind != yaml.ScalarNode {
		return invalid(v, key, "want a currency code such as CNY")
	}
	fp.mark(key, v)
	fp.currency = currencyCode(v.Value)
	return nil
}

// priceField reads a number, a price text ("149.00 - 159.00") or a
// mapping {min, max, currency, text}.
func (fp *fieldParser) priceField(key string, v *yaml.Node) error {
	fp.mark(key, v)
	switch v.Kind {
	case yaml.ScalarNode:
		p, ok := ParsePrice(v.Value)
		if !ok {
			return invalid(v, key, "want a number or a price text such as \"149.00 - 159.00\"")
		}
		fp.l.Price = p
		return nil
	case yaml.MappingNode:
		return fp.priceMapping(key, v)
	}
	return invalid(v, key, "want a number, a price text or {min, max, currency}")
}

// priceMapping reads {min, max, currency, text}.
func (fp *fieldParser) priceMapping(key string, m *yaml.Node) error {
	p := Price{Currency: "CNY"}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		var err error
		switch k.Value {
		case "min":
			p.Min, err = number(v, key+".min")
		case "max":
			p.Max, err = number(v, key+".max")
		case "currency":
			p.Currency = currencyCode(v.Value)
		case "text":
			p.Text = strings.TrimSpace(v.Value)
		default:
			return &FieldError{Field: key + "." + k.Value, Line: k.Line, Column: k.Column,
				Err: ErrUnknownKey, Detail: "known keys: min, max, currency, text"}
		}
		if err != nil {
			return err
		}
	}
	if p.Max == 0 {
		p.Max = p.Min
	}
	if p.Min == 0 {
		p.Min = p.Max
	}
	if p.Text == "" {
		p.Text = priceText(p)
	}
	fp.l.Price = p
	return nil
}

// number reads a numeric scalar.
func number(v *yaml.Node, field string) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(v.Value), 64)
	if v.Kind != yaml.ScalarNode || err != nil {
		return 0, invalid(v, field, "want a number")
	}
	return f, nil
}

// finish applies what depends on several fields.
func (fp *fieldParser) finish() {
	l := fp.l
	if fp.currency != "" {
		l.Price.Currency = fp.currency
	} else if l.Price.Currency == "" && (l.Price.Min != 0 || l.Price.Max != 0) {
		l.Price.Currency = "CNY"
	}
	if l.Platform == "" {
		l.Platform = platformFromURL(l.URL)
	}
}
