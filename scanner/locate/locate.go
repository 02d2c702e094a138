// Package locate turns a finding's byte span in a field into a line and
// column in the input file, so reports can point at the words.
package locate

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// All sets each finding's file location where the input has lines:
// from the field's recorded position for listing files, or by finding the
// evidence in the page source for HTML.
func All(found []finding.Finding, l *listings.Listing, doc *facts.Document) {
	for i := range found {
		if loc, ok := locate(found[i], l, doc); ok {
			loc.File = l.Source
			found[i].Location = &loc
		}
	}
}

func locate(f finding.Finding, l *listings.Listing, doc *facts.Document) (finding.Location, bool) {
	if f.Field == "" || doc.Listing == nil {
		return finding.Location{}, false
	}
	text := doc.Listing.Fields[f.Field].Text
	if pos, offset, ok := fieldPosition(f, l, text); ok {
		return offsetIn(pos, text, offset), true
	}
	if l.Raw != "" && f.Evidence != "" {
		return findInSource(l.Raw, f)
	}
	return finding.Location{}, false
}

// fieldPosition finds where the text holding the span starts in the source
// file: the entry's own position for attributes and SKUs (one entry per line
// of the joined text), else the field's.
func fieldPosition(f finding.Finding, l *listings.Listing, text string) (listings.Position, int, bool) {
	if l.Positions.Len() == 0 {
		return listings.Position{}, 0, false
	}
	if f.Field == facts.FieldAttributes || f.Field == facts.FieldSKUs {
		line := strings.Count(text[:min(f.Span.Start, len(text))], "\n")
		if pos, ok := l.Positions.Get(fmt.Sprintf("%s.%d", f.Field, line)); ok && pos.Known() {
			return pos, -1, true
		}
	}
	pos, ok := l.Positions.Get(f.Field)
	return pos, f.Span.Start, ok && pos.Known()
}

// offsetIn maps a byte offset inside a field's text to a file position: on
// later lines for block scalars, on the value's line otherwise.
// A negative offset means the position is already the entry's.
func offsetIn(pos listings.Position, text string, offset int) finding.Location {
	if offset < 0 {
		return finding.Location{Line: pos.Line, Column: pos.Column}
	}
	before := text[:min(offset, len(text))]
	lastLine := before[strings.LastIndexByte(before, '\n')+1:]
	if pos.Block {
		return finding.Location{Line: pos.Line + 1 + strings.Count(before, "\n"), Column: pos.Column + utf8.RuneCountInString(lastLine)}
	}
	return finding.Location{Line: pos.Line, Column: pos.Column + utf8.RuneCountInString(lastLine)}
}

// findInSource locates the evidence in the decoded page. The text around
// it (the words just before the evidence in its sentence) is searched
// first, so the same word in the title and the subtitle gets each its own
// line; failing that, the first occurrence of the evidence.
func findInSource(raw string, f finding.Finding) (finding.Location, bool) {
	idx := -1
	if lead := leadIn(f); lead != "" {
		if i := strings.Index(raw, lead+f.Evidence); i >= 0 {
			idx = i + len(lead)
		}
	}
	if idx < 0 {
		idx = strings.Index(raw, f.Evidence)
	}
	if idx < 0 {
		return finding.Location{}, false
	}
	before := raw[:idx]
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return finding.Location{Line: line, Column: col}, true
}

// leadIn is up to four characters of the finding's context right before its
// evidence: enough to tell two occurrences apart, short enough to rarely
// straddle markup.
func leadIn(f finding.Finding) string {
	i := strings.Index(f.Context, f.Evidence)
	if i <= 0 {
		return ""
	}
	before := []rune(f.Context[:i])
	return string(before[max(0, len(before)-4):])
}
