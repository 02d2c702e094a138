package listings

import (
	"strings"
	"unicode/utf8"
)

// ignoreMarker starts an inline suppression: <!-- xiaoer:ignore RULE 理由 -->.
const ignoreMarker = "xiaoer:ignore"

// IgnoreComments finds the inline suppressions of an HTML page. Each
// comment gives one Ignore per rule (a comment may name several, separated
// by commas), positioned at the comment's "<!--". A comment without a
// reason, or without a rule, still gives an Ignore: the scanner reports it
// rather than let it pass unnoticed.
func IgnoreComments(text string) []Ignore {
	var out []Ignore
	var lc lineCounter
	for off := 0; ; {
		i := strings.Index(text[off:], ignoreMarker)
		if i < 0 {
			return out
		}
		at := off + i
		off = at + len(ignoreMarker)
		start := commentStart(text, at)
		if start < 0 {
			continue
		}
		end := strings.Index(text[off:], "-->")
		if end < 0 {
			end = len(text) - off
		}
		pos := lc.position(text, start)
		for _, ig := range parseIgnore(text[off : off+end]) {
			ig.Position = pos
			out = append(out, ig)
		}
		off += end
	}
}

// commentStart returns the offset of the "<!--" that the marker at i
// follows (only white space between), or -1.
func commentStart(text string, i int) int {
	before := strings.TrimRight(text[:i], " \t\r\n")
	if !strings.HasSuffix(before, "<!--") {
		return -1
	}
	return len(before) - len("<!--")
}

// parseIgnore reads "RULE[,RULE...] reason" after the marker.
func parseIgnore(body string) []Ignore {
	body = strings.TrimSpace(body)
	rules, reason := body, ""
	if i := strings.IndexAny(body, " \t\r\n"); i >= 0 {
		rules, reason = body[:i], body[i:]
	}
	reason = Clean(reason)
	var out []Ignore
	for _, rule := range strings.Split(rules, ",") {
		if rule = strings.TrimSpace(rule); rule != "" || len(out) == 0 {
			out = append(out, Ignore{Rule: rule, Reason: reason})
		}
	}
	return out
}

// lineCounter turns byte offsets into 1-based line and column (column in
// characters), counting forward from the last offset it was asked about.
type lineCounter struct {
	off, line, lineStart int
}

// position is the Position of byte offset off; offsets must not decrease.
func (c *lineCounter) position(text string, off int) Position {
	if c.line == 0 {
		c.line = 1
	}
	for c.off < off {
		j := strings.IndexByte(text[c.off:off], '\n')
		if j < 0 {
			c.off = off
			break
		}
		c.line++
		c.off += j + 1
		c.lineStart = c.off
	}
	return Position{Line: c.line, Column: utf8.RuneCountInString(text[c.lineStart:off]) + 1}
}
