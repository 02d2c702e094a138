package facts

// Number is a figure with its unit as written (90 %, 10 万+, 24 小时).
type Number struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Field string  `json:"field"`
	S     int     `json:"s"`
	E     int     `json:"e"`
}

// Numbers finds figures with units in every field.
// TODO(ad): full parser (issue 3).
func Numbers(fields map[string]Field) []Number {
	return nil
}
