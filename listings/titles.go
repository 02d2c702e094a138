package listings

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseTitles reads a plain-text title list, one listing title per line;
// blank lines are skipped. (No comment syntax: real titles start with #.) It is how a seller
// checks a batch of titles before publishing, and how we measure the rules
// on real title sets. Each listing's id is "name:line".
func ParseTitles(source string, raw []byte) ([]*Listing, error) {
	tl, err := ReadTitles(source, raw)
	if err != nil {
		return nil, err
	}
	out := make([]*Listing, tl.Len())
	for i := range out {
		out[i], _ = tl.Listing(i)
	}
	return out, nil
}

// TitleList is a decoded title list whose listings are built one at a
// time, on demand: a list of 200,000 titles holds its text and one line
// reference per title, not 200,000 listings at once.
type TitleList struct {
	source, base, encoding string
	text                   string
	lines                  []titleLine
}

// titleLine is where one title sits: its bytes in the text, its line and
// its column (in characters, 1-based).
type titleLine struct {
	start, end, line, column int
}

// ReadTitles decodes a title list and finds its titles (see ParseTitles).
func ReadTitles(source string, raw []byte) (*TitleList, error) {
	text, enc, err := Decode(raw, "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	tl := &TitleList{source: source, base: filepath.Base(source), encoding: enc, text: text}
	for lineNo, start := 1, 0; start < len(text); lineNo++ {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := strings.TrimSuffix(text[start:end], "\r")
		if title := strings.TrimSpace(line); title != "" {
			col := strings.Index(line, title)
			s := start + col
			tl.lines = append(tl.lines, titleLine{start: s, end: s + len(title), line: lineNo, column: utf8.RuneCountInString(line[:col]) + 1})
		}
		start = end + 1
	}
	if len(tl.lines) == 0 {
		return nil, fmt.Errorf("%s: %w", source, ErrNoListing)
	}
	return tl, nil
}

// Len is the number of titles.
func (tl *TitleList) Len() int { return len(tl.lines) }

// Listing builds the listing of title i (0-based); it never fails.
func (tl *TitleList) Listing(i int) (*Listing, error) {
	ln := tl.lines[i]
	return &Listing{
		ID: tl.base + ":" + strconv.Itoa(ln.line), Platform: "generic", Source: tl.source,
		Title: tl.text[ln.start:ln.end], Encoding: tl.encoding,
		Positions: map[string]Position{"title": {Line: ln.line, Column: ln.column}},
	}, nil
}
