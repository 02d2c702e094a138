package scanner

import "github.com/xiaoer-dev/xiaoer/scanner/config"

// Filters on the inputs a run expands to. Each keeps command-line order and
// renumbers what it keeps, so result indexes stay 0..n-1.

// SkipPaths drops the inputs whose file matches one of the globs (the
// config's ignore-paths), numbered afresh.
func SkipPaths(inputs []Input, globs []string, m *config.PathMatcher) []Input {
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
