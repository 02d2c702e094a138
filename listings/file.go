package listings

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// ParseListingFile reads a canonical listing file, YAML or JSON (JSON is
// read as YAML), holding one listing (a mapping) or a list of them. Every
// field's value position is kept in Listing.Positions; an unknown key is a
// *FieldError wrapping ErrUnknownKey.
func ParseListingFile(source string, raw []byte) ([]*Listing, error) {
	text, enc, err := Decode(raw, "")
	if err != nil {
		return nil, err
	}
	if err := listingFileEncoding(raw, enc); err != nil {
		return nil, err
	}
	return ParseListingText(source, text, enc)
}

// listingFileEncoding refuses a listing file in an encoding that was only
// guessed: YAML and JSON cannot declare a charset, and listings are
// Chinese, so a file that is neither UTF-8/UTF-16 nor GB18030 is broken.
func listingFileEncoding(raw []byte, enc string) error {
	switch BaseEncoding(enc) {
	case EncodingUTF8, EncodingGB18030, "utf-16le", "utf-16be":
		return nil
	}
	off := len(raw)
	if i := firstInvalidUTF8(raw); i >= 0 {
		off = i
	}
	return fmt.Errorf("%w: invalid UTF-8 at byte offset %d, and not GB18030 (looks like %s)", ErrEncoding, off, enc)
}

// firstInvalidUTF8 is the offset of the first byte that is not UTF-8, or -1.
func firstInvalidUTF8(raw []byte) int {
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// ParseListingText is ParseListingFile on decoded text.
func ParseListingText(source, text, enc string) ([]*Listing, error) {
	src := text
	if looksLikeJSON(text) {
		src = jsonAsYAML(text)
	}
	roots, err := yamlDocuments(src)
	if err != nil {
		return nil, err
	}
	f := &fileParser{source: source, text: text, enc: enc, lines: strings.Split(src, "\n")}
	var out []*Listing
	for _, root := range roots {
		ls, err := f.listings(root)
		if err != nil {
			return nil, err
		}
		out = append(out, ls...)
	}
	if len(out) == 0 {
		return nil, ErrNoListing
	}
	f.defaultIDs(out)
	return out, nil
}

// jsonAsYAML makes JSON text readable by the YAML parser with the same
// values. YAML forbids tabs as indentation, JSON allows them between
// tokens; a tab inside a JSON string is invalid anyway, so one space per tab
// keeps every line and column. JSON strings may hold, raw, characters YAML
// refuses (DEL, C1 controls such as U+0086 in scraped titles) or reads as
// line breaks (U+0085, U+2028, U+2029); written as \u escapes they keep
// their value.
func jsonAsYAML(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// looksLikeJSON reports whether text starts like a JSON object or array.
func looksLikeJSON(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\uFEFF")
	return strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")
}

// yamlDocuments decodes every document of a YAML stream to its root node.
func yamlDocuments(src string) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(strings.NewReader(src))
	var roots []*yaml.Node
	budget := newAliasBudget(len(src))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return roots, nil
		}
		if err != nil {
			return nil, fmt.Errorf("syntax: %w", err)
		}
		if len(doc.Content) > 0 {
			if err := budget.check(doc.Content[0]); err != nil {
				return nil, err
			}
			roots = append(roots, resolve(doc.Content[0]))
		}
	}
}

// resolve follows YAML aliases to the node they name.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// fileParser holds what every listing of one file shares.
type fileParser struct {
	source, text, enc string
	lines             []string
}

// listings reads one root node: a mapping or a list of mappings.
func (f *fileParser) listings(root *yaml.Node) ([]*Listing, error) {
	switch root.Kind {
	case yaml.MappingNode:
		l, err := f.listing(root)
		if err != nil {
			return nil, err
		}
		return []*Listing{l}, nil
	case yaml.SequenceNode:
		out := make([]*Listing, 0, len(root.Content))
		for i, item := range root.Content {
			item = resolve(item)
			if item.Kind != yaml.MappingNode {
				return nil, invalid(item, fmt.Sprintf("listing %d", i+1), "want a mapping of listing fields")
			}
			l, err := f.listing(item)
			if err != nil {
				return nil, err
			}
			out = append(out, l)
		}
		return out, nil
	case yaml.ScalarNode:
		if root.Tag == "!!null" {
			return nil, nil
		}
	}
	return nil, invalid(root, "listing", "want a mapping of listing fields or a list of them")
}

// listing reads one mapping of listing fields.
func (f *fileParser) listing(m *yaml.Node) (*Listing, error) {
	l := &Listing{Source: f.source, Encoding: f.enc, Raw: f.text}
	fp := &fieldParser{file: f, l: l}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, value := m.Content[i], resolve(m.Content[i+1])
		decode, ok := fileFields[key.Value]
		if !ok {
			return nil, &FieldError{Field: key.Value, Line: key.Line, Column: key.Column,
				Err: ErrUnknownKey, Detail: "known keys: " + knownKeys}
		}
		if seen[key.Value] {
			return nil, invalid(key, key.Value, "duplicate key")
		}
		seen[key.Value] = true
		if isNull(value) {
			continue
		}
		if err := decode(fp, key.Value, value); err != nil {
			return nil, err
		}
	}
	fp.finish()
	return l, nil
}

// defaultIDs names listings that have no id after the file: "stem", or
// "stem-N" in a list.
func (f *fileParser) defaultIDs(ls []*Listing) {
	stem := fileStem(f.source)
	if stem == "" {
		stem = "listing"
	}
	for i, l := range ls {
		switch {
		case l.ID != "":
		case len(ls) == 1:
			l.ID = stem
		default:
			l.ID = fmt.Sprintf("%s-%d", stem, i+1)
		}
	}
}

// isNull reports an empty or null value (`subtitle:` or `subtitle: ~`).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// invalid is a FieldError wrapping ErrInvalidValue at node n.
func invalid(n *yaml.Node, field, detail string) *FieldError {
	return &FieldError{Field: field, Line: n.Line, Column: n.Column, Err: ErrInvalidValue, Detail: detail}
}
