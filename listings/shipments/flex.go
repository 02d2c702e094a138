package shipments

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// flexString takes a JSON string, number, boolean or null as text: exports
// and answers write the same field ("State", "amount") either way.
type flexString string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		*f = ""
		return nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
		return nil
	}
	*f = flexString(b)
	return nil
}

// number reads a decimal, ignoring a currency sign and thousands commas
// ("¥1,299.00"); empty text is 0.
func number(s string) (float64, error) {
	s = strings.TrimSpace(cleanCell(s))
	s = strings.TrimLeft(s, "¥￥")
	s = strings.ReplaceAll(s, ",", "")
	if s == "" {
		return 0, nil
	}
	return strconv.ParseFloat(s, 64)
}
