package cli

// PrintsOnly reports whether argv (program name first) only asks for help
// or the version: work that loads nothing and cannot crash, so main runs it
// without a supervising parent and its second process.
func PrintsOnly(argv []string) bool {
	if len(argv) < 2 {
		return true // no command: the help
	}
	switch argv[1] {
	case "version", "help", "h", "-v", "--version":
		return true
	}
	for _, a := range argv[1:] {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}
