package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/open-policy-agent/opa/v1/version"
	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

func opaVersion() string { return version.Version }

func newRulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list the rules with their severity and basis",
		Flags: []cli.Flag{&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"}},
		Action: func(c *cli.Context) error {
			eng, err := scanner.NewEngine(c.Context, scanner.EngineOptions{})
			if err != nil {
				return err
			}
			if c.String("format") == "json" {
				return writeJSON(c, eng.Rules())
			}
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tTITLE\tBASIS")
			for _, m := range eng.Rules() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.ID, m.Severity, m.Title, m.Basis.Law)
			}
			return tw.Flush()
		},
	}
}

func newExplainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "describe one rule: what it flags, its basis, what to write instead",
		ArgsUsage: "RULE",
		Action: func(c *cli.Context) error {
			eng, err := scanner.NewEngine(c.Context, scanner.EngineOptions{})
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

func printRule(c *cli.Context, m scanner.RuleMeta) {
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
