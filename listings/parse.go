package listings

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is the kind of input Parse recognised.
type Format string

// Formats Parse reads.
const (
	FormatHTML Format = "html"
	FormatYAML Format = "yaml"
	FormatJSON Format = "json"
)

// Parse reads one input, an item page or a listing file, into its
// listings. The extension decides (.html/.htm, .yaml/.yml, .json); for
// other names, stdin ("-") included, the decoded content does. Errors name
// the input and wrap ErrEmpty, ErrBinary, ErrNoListing, ErrUnknownFormat
// or a *FieldError.
func Parse(source string, raw []byte) ([]*Listing, error) {
	ls, err := parse(source, raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(source), err)
	}
	return ls, nil
}

// parse is Parse without the input's name on errors.
func parse(source string, raw []byte) ([]*Listing, error) {
	text, enc, err := Decode(raw, "")
	if err != nil {
		return nil, err
	}
	format, ok := FormatOf(source)
	if !ok {
		if format, ok = SniffFormat(text); !ok {
			return nil, ErrUnknownFormat
		}
	}
	if format == FormatHTML {
		l, err := ParseHTMLText(source, text, enc)
		if err != nil {
			return nil, err
		}
		return []*Listing{l}, nil
	}
	return ParseListingText(source, text, enc)
}

// FormatOf names the format a file name's extension says, if any.
func FormatOf(source string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(source)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML, true
	case ".yaml", ".yml":
		return FormatYAML, true
	case ".json":
		return FormatJSON, true
	}
	return "", false
}

// SniffFormat guesses the format of decoded text: markup is HTML, a
// leading { or [ is JSON, and "key:" or "- " at the start of a line is YAML.
func SniffFormat(text string) (Format, bool) {
	t := strings.TrimLeft(text, " \t\r\n\uFEFF")
	switch {
	case t == "":
		return "", false
	case t[0] == '<':
		return FormatHTML, true
	case t[0] == '{' || t[0] == '[':
		return FormatJSON, true
	case looksLikeYAML(t):
		return FormatYAML, true
	}
	return "", false
}

// looksLikeYAML checks the first line that is not a comment or a document
// marker for a mapping key or a list item.
func looksLikeYAML(t string) bool {
	for _, line := range strings.SplitN(t, "\n", 50) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || line == "---" || strings.HasPrefix(line, "%") {
			continue
		}
		if strings.HasPrefix(line, "- ") {
			return true
		}
		key, _, ok := strings.Cut(line, ":")
		return ok && key != "" && !strings.ContainsAny(key, " <>{}")
	}
	return false
}

// displayName is how errors name an input.
func displayName(source string) string {
	if source == "" || source == "-" {
		return "<stdin>"
	}
	return source
}
