package listings

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
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

// titleLine is where one title sits: its first byte in the text and its
// line. Its end and column are found again when its listing is built:
// eight bytes a title, not thirty-two, keep a list of 200,000 titles
// about 10 MB further from the 300 MB a bulk scan may reach.
type titleLine struct {
	start, line uint32
}

// maxTitleText is the longest decoded title list titleLine can address.
const maxTitleText = math.MaxUint32

// ReadTitles decodes a title list and finds its titles (see ParseTitles).
func ReadTitles(source string, raw []byte) (*TitleList, error) {
	text, enc, err := Decode(raw, "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	if len(text) > maxTitleText {
		return nil, fmt.Errorf("%s: a title list of %d bytes is more than %d: split it into smaller files", source, len(text), maxTitleText)
	}
	tl := &TitleList{source: source, base: filepath.Base(source), encoding: enc, text: text}
	for lineNo, start := 1, 0; start < len(text); lineNo++ {
		end := lineEnd(text, start)
		line := text[start:end]
		if title := strings.TrimSpace(line); title != "" {
			s := start + strings.Index(line, title)
			tl.lines = append(tl.lines, titleLine{start: uint32(s), line: uint32(lineNo)})
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
	l := new(Listing)
	tl.ListingInto(i, l)
	return l, nil
}

// ListingInto makes *l the listing of title i (0-based), for a caller
// that looks at the titles one at a time and keeps none of them, with one
// Listing for all (Listing allocates one for each, about 400 bytes).
func (tl *TitleList) ListingInto(i int, l *Listing) {
	ln := tl.lines[i]
	start, line := int(ln.start), int(ln.line)
	title := strings.TrimRightFunc(tl.text[start:lineEnd(tl.text, start)], unicode.IsSpace)
	lineStart := strings.LastIndexByte(tl.text[:start], '\n') + 1
	column := utf8.RuneCountInString(tl.text[lineStart:start]) + 1
	*l = Listing{
		ID: tl.base + ":" + strconv.Itoa(line), Platform: "generic", Source: tl.source,
		Title: title, Encoding: tl.encoding,
		Positions: TitlePositions(Position{Line: line, Column: column}),
	}
}

// lineEnd is the offset of the newline ending the line that holds offset
// start, or the end of the text.
func lineEnd(text string, start int) int {
	if end := strings.IndexByte(text[start:], '\n'); end >= 0 {
		return start + end
	}
	return len(text)
}
