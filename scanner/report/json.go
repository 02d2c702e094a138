package report

import (
	"encoding/json"
	"io"
)

// JSON writes the whole report as one indented JSON document.
type JSON struct{}

// Report implements Reporter.
func (JSON) Report(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
