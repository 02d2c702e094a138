package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/open-policy-agent/opa/v1/version"
	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

func opaVersion() string { return version.Version }

func newRulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list the rules with their severity and basis",
		Flags: []cli.Flag{&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"}},
		Action: func(c *cli.Context) error {
			eng, err := engine.New(c.Context, engine.Options{})
			if err != nil {
				return err
			}
			if c.String("format") == "json" {
				return writeJSON(c, eng.Rules())
			}
			rows := [][]string{{"RULE", "SEVERITY", "TITLE", "BASIS"}}
			for _, m := range eng.Rules() {
				rows = append(rows, []string{m.ID, m.Severity, m.Title, m.Basis.Law})
			}
			writeTable(c.App.Writer, rows)
			return nil
		},
	}
}

func newExplainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "describe one rule: what it flags, its basis, what to write instead",
		ArgsUsage: "RULE",
		Action: func(c *cli.Context) error {
			eng, err := engine.New(c.Context, engine.Options{})
			if err != nil {
				return err
			}
			id := c.Args().First()
			for _, m := range eng.Rules() {
				if m.ID == id {
					printRule(c, m)
					return nil
				}
			}
			return cli.Exit(fmt.Sprintf("explain: no rule %q (see xiaoer rules)", id), 2)
		},
	}
}

func printRule(c *cli.Context, m finding.RuleMeta) {
	w := c.App.Writer
	fmt.Fprintf(w, "%s — %s (%s)\n\n%s\n\n", m.ID, m.Title, m.Severity, m.Description)
	fmt.Fprintf(w, "依据: %s\n", m.Basis.Law)
	if m.Basis.Penalty != "" {
		fmt.Fprintf(w, "罚则: %s\n", m.Basis.Penalty)
	}
	if !m.Basis.Confirmed {
		fmt.Fprintln(w, "注意: 依据未经官方原文核实")
	}
	if m.Basis.Link != "" {
		fmt.Fprintf(w, "来源: %s\n", m.Basis.Link)
	}
	fmt.Fprintf(w, "建议: %s\n", m.Suggestion)
	fmt.Fprintf(w, "适用: %s\n", strings.Join(m.Kinds, ", "))
}

func writeJSON(c *cli.Context, v any) error {
	enc := json.NewEncoder(c.App.Writer)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeTable aligns columns by display width: text/tabwriter counts runes,
// and a Chinese character takes two terminal columns.
func writeTable(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], runewidth.StringWidth(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-runewidth.StringWidth(cell)+2))
			}
		}
		fmt.Fprintln(w, b.String())
	}
}
