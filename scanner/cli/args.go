package cli

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed returns argv with the command's flags moved before its
// positional arguments, so `xiaoer scan fixtures/pages -f json` means what
// `xiaoer scan -f json fixtures/pages` means. urfave/cli v2 parses with Go's
// flag package, which stops at the first positional argument, and has no
// option to go on (v3 does; its maintainers point v2 users to reordering
// the arguments before Run). The command's own flag definitions say which
// flags take a value, so `-o out.json` moves as a pair. `--` ends the flags:
// what follows stays positional, whatever it looks like. The arguments of a
// command the app does not know are left as they are.
func interspersed(cmds []*cli.Command, argv []string) []string {
	if len(argv) < 2 {
		return argv
	}
	i := 1
	for i < len(argv) && isFlag(argv[i]) { // the app's own --help, --version
		i++
	}
	var cmd *cli.Command
	for i < len(argv) {
		next := findCommand(cmds, argv[i])
		if next == nil {
			break
		}
		cmd, cmds = next, next.Subcommands
		i++
		if len(cmds) == 0 {
			break
		}
	}
	if cmd == nil || len(cmd.Subcommands) > 0 || cmd.SkipFlagParsing {
		return argv
	}
	flags, positional, dangling := splitFlags(cmd.Flags, argv[i:])
	out := append(append([]string{}, argv[:i]...), flags...)
	if len(positional) > 0 && !dangling { // a last flag that lacks its value must stay last, to be refused
		out = append(append(out, "--"), positional...)
	}
	return out
}

// splitFlags separates flags (with their values) from positional
// arguments, keeping the order within each. dangling: the last argument is
// a flag that takes a value and has none.
func splitFlags(defs []cli.Flag, args []string) (flags, positional []string, dangling bool) {
	takesValue := valueFlags(defs)
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(positional, args[i+1:]...), false
		case isFlag(a):
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") || !takesValue[name] {
				continue
			}
			if i+1 == len(args) {
				return flags, positional, true
			}
			i++
			flags = append(flags, args[i])
		default:
			positional = append(positional, a)
		}
	}
	return flags, positional, false
}

// isFlag: "-" alone is stdin, a path.
func isFlag(a string) bool { return len(a) > 1 && a[0] == '-' }

// valueFlags lists, by every name and alias, the flags that take a value
// (all but the boolean ones). An unknown flag takes none: parsing then
// rejects it by name.
func valueFlags(defs []cli.Flag) map[string]bool {
	out := map[string]bool{}
	for _, f := range defs {
		v, ok := f.(interface{ TakesValue() bool })
		for _, name := range f.Names() {
			out[name] = ok && v.TakesValue()
		}
	}
	return out
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}
