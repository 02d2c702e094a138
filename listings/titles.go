package listings

import (
	"fmt"
	"path/filepath"
	"strings"
)

// ParseTitles reads a plain-text title list, one listing title per line;
// blank lines are skipped. (No comment syntax: real titles start with #.) It is how a seller
// checks a batch of titles before publishing, and how we measure the rules
// on real title sets. Each listing's id is "name:line".
func ParseTitles(source string, raw []byte) ([]*Listing, error) {
	text, enc, err := Decode(raw, "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	base := filepath.Base(source)
	var out []*Listing
	for i, line := range strings.Split(text, "\n") {
		title := strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if title == "" {
			continue
		}
		col := strings.Index(line, title)
		out = append(out, &Listing{
			ID: fmt.Sprintf("%s:%d", base, i+1), Platform: "generic", Source: source,
			Title: title, Encoding: enc,
			Positions: map[string]Position{"title": {Line: i + 1, Column: len([]rune(line[:col])) + 1}},
		})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w", source, ErrNoListing)
	}
	return out, nil
}
