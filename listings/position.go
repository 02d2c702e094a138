package listings

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// position is where a node's text starts. For quoted scalars that is one
// column after the opening quote. For block scalars (| and >) Line is the
// indicator's line, Block is true, and Column is the column the text's
// lines start at, on the lines that follow.
func (f *fileParser) position(n *yaml.Node) Position {
	p := Position{Line: n.Line, Column: n.Column}
	if n.Kind != yaml.ScalarNode {
		return p
	}
	switch n.Style {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		p.Column++
	case yaml.LiteralStyle, yaml.FoldedStyle:
		p.Block = true
		p.Column = f.blockColumn(n.Line)
	}
	return p
}

// blockColumn is 1 + the indentation of the first non-blank line after
// line (1-based), where a block scalar's text starts.
func (f *fileParser) blockColumn(line int) int {
	for i := line; i < len(f.lines); i++ {
		text := strings.TrimRight(f.lines[i], "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		return len(text) - len(strings.TrimLeft(text, " ")) + 1
	}
	return 1
}
