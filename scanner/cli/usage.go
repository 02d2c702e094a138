package cli

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// Usage errors are one or two lines on stderr and exit 2: never the help
// text on stdout, where `xiaoer scan ... > report.json` would capture it.

// onUsageError reports a flag the command does not define, a missing value
// or a value that does not parse, with the nearest flag name when the
// user's looks like a typo.
func onUsageError(c *cli.Context, err error, _ bool) error {
	path := c.Command.HelpName // "xiaoer policy test"; the app: "xiaoer"
	msg := err.Error()
	if given, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		msg = "unknown flag " + dashed(given)
		if near := nearest(given, flagNames(c.Command.Flags)); near != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", dashed(near))
		}
	} else if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		msg = dashed(strings.TrimLeft(name, "-")) + " needs a value"
	}
	if cmd, ok := strings.CutPrefix(path, c.App.Name+" "); ok {
		msg = cmd + ": " + msg
	}
	return cli.Exit(fmt.Sprintf("%s\nsee '%s --help'", msg, path), 2)
}

// unknownCommand is the app's action: it runs only when no command matched,
// so any argument names a command that does not exist.
func unknownCommand(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.ShowAppHelp(c)
	}
	msg := fmt.Sprintf("unknown command %q", c.Args().First())
	var names []string
	for _, cmd := range c.App.Commands {
		names = append(names, cmd.Names()...)
	}
	if near := nearest(c.Args().First(), names); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	return cli.Exit(msg+"\nsee 'xiaoer --help' for the commands", 2)
}

// setUsageErrors installs onUsageError on every command, so none falls back
// to urfave/cli's "Incorrect Usage" and full help on stdout.
func setUsageErrors(cmds []*cli.Command) {
	for _, c := range cmds {
		c.OnUsageError = onUsageError
		setUsageErrors(c.Subcommands)
	}
}

func flagNames(flags []cli.Flag) []string {
	names := []string{"help"}
	for _, f := range flags {
		names = append(names, f.Names()...)
	}
	return names
}

func dashed(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

// nearest is the candidate closest to given by edit distance (a swap of
// two neighbours counts one), if it is close enough to be a typo: at most
// one edit in three characters.
func nearest(given string, candidates []string) string {
	best, bestDist := "", len(given)/3+1
	for _, c := range candidates {
		if d := editDistance(given, c); d < bestDist && len(c) > 1 {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of adjacent characters.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range y {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
