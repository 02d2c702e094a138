package scanner

import (
	"os"
	"path/filepath"
	"strings"
)

// Filters on the inputs a run expands to. Each keeps command-line order and
// renumbers what it keeps, so result indexes stay 0..n-1.

// SkipPaths drops the inputs whose file matches one of the globs (the
// config's ignore-paths), numbered afresh.
func SkipPaths(inputs []Input, globs []string, m *PathMatcher) []Input {
	if len(globs) == 0 {
		return inputs
	}
	return filterInputs(inputs, func(in Input) bool {
		for _, g := range globs {
			if in.Source != "-" && m.Match(g, in.Source) {
				return false
			}
		}
		return true
	})
}

// SkipDotFiles drops the hidden files a directory walk picked up
// (.xiaoer.yaml, .xiaoer-baseline.json are not listings); a hidden file
// named on the command line is kept.
func SkipDotFiles(inputs []Input, args []string) []Input {
	named := namedSet(args)
	return filterInputs(inputs, func(in Input) bool {
		return !strings.HasPrefix(filepath.Base(in.Source), ".") || named[filepath.Clean(in.Source)]
	})
}

// filterInputs keeps the inputs keep accepts and renumbers them, so result
// indexes stay 0..n-1 in command-line order.
func filterInputs(inputs []Input, keep func(Input) bool) []Input {
	out := inputs[:0:0]
	for _, in := range inputs {
		if keep(in) {
			in.Index = len(out)
			out = append(out, in)
		}
	}
	return out
}

// SkipPolicyDirs drops the files a directory walk found in a directory that
// holds Rego: that is a policy directory (its data.json is policy data, not
// a listing). A file named on the command line is kept.
func SkipPolicyDirs(inputs []Input, args []string) []Input {
	named := namedSet(args)
	isPolicy := map[string]bool{}
	return filterInputs(inputs, func(in Input) bool {
		if named[filepath.Clean(in.Source)] || strings.Contains(in.Source, "://") || in.Source == "-" {
			return true
		}
		dir := filepath.Dir(in.Source)
		policy, seen := isPolicy[dir]
		if !seen {
			policy = holdsRego(dir)
			isPolicy[dir] = policy
		}
		return !policy
	})
}

func holdsRego(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".rego") {
			return true
		}
	}
	return false
}

func namedSet(args []string) map[string]bool {
	named := make(map[string]bool, len(args))
	for _, a := range args {
		named[filepath.Clean(a)] = true
	}
	return named
}
