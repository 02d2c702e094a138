package dist

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// addTitles splits a long title list into chunks of whole lines, each with
// the number of lines before it, so workers give every title the id, line
// and column a local scan gives it. A short list, or one that does not
// decode, travels whole and is parsed as a local scan parses it.
func (p *Planner) addTitles(ctx context.Context, source string, raw []byte) error {
	text, enc, err := listings.Decode(raw, "")
	if err != nil {
		return p.addFile(ctx, source, raw)
	}
	chunks := splitTitles(text, max(p.TitlesPerTask, 1))
	if len(chunks) <= 1 {
		return p.addFile(ctx, source, raw)
	}
	for i, c := range chunks {
		t := Task{Kind: KindTitles, Source: source, Chunk: i, Chunks: len(chunks), Line: c.line, Encoding: enc}
		if err := p.attach(ctx, &t, []byte(c.text)); err != nil {
			return err
		}
		if err := p.add(ctx, t, 1); err != nil {
			return err
		}
	}
	return nil
}

// titleChunk is a run of whole lines and how many lines come before it.
type titleChunk struct {
	text string
	line int
}

// splitTitles cuts text into runs of lines holding per titles each (blank
// lines ride along with the title before them).
func splitTitles(text string, per int) []titleChunk {
	var out []titleChunk
	lines := strings.SplitAfter(text, "\n")
	start, titles := 0, 0
	for i, line := range lines {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if titles == per {
			out = append(out, titleChunk{strings.Join(lines[start:i], ""), start})
			start, titles = i, 0
		}
		titles++
	}
	if titles > 0 {
		out = append(out, titleChunk{strings.Join(lines[start:], ""), start})
	}
	return out
}

// parseTitleChunk parses a chunk and moves its titles to where they sit in
// the whole list: line, id ("name:line") and the list's encoding.
func parseTitleChunk(t Task, data []byte) ([]*listings.Listing, error) {
	ls, err := listings.ParseTitles(t.Source, data)
	if err != nil {
		return nil, err
	}
	base := filepath.Base(t.Source)
	for _, l := range ls {
		pos, _ := l.Positions.Get("title")
		pos.Line += t.Line
		l.Positions.Set("title", pos)
		l.ID = fmt.Sprintf("%s:%d", base, pos.Line)
		l.Encoding = t.Encoding
	}
	return ls, nil
}
