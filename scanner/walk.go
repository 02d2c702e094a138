package scanner

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// WalkFiles lists root itself when it is a file, else the files under it
// whose extension is in exts, sorted. Hidden files and directories below root
// are left out (.git, .xiaoer.yaml, .xiaoer-baseline.json are not inputs).
// An entry that cannot be read is listed, so that reading it reports why.
func WalkFiles(root string, exts map[string]bool) ([]string, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if !st.IsDir() {
		return []string{root}, nil
	}
	walkRoot := root
	if lst, err := os.Lstat(root); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		// A symlink to a directory named on the command line is walked:
		// the trailing separator makes WalkDir follow it. Links met
		// during the walk are not followed (no loops, no escapes).
		walkRoot = root + string(filepath.Separator)
	}
	var files []string
	err = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			files = append(files, p) // reported when read
		case p != walkRoot && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return filepath.SkipDir
			}
		case !d.IsDir() && exts[strings.ToLower(filepath.Ext(p))]:
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// walk lists the listing files under path (path itself if it is a file),
// leaving out policy directories: a data.json beside Rego is policy data.
func walk(path string) ([]string, error) {
	files, err := WalkFiles(path, listingExts)
	if len(files) == 1 && files[0] == path {
		return files, err // named on the command line: always scanned
	}
	isPolicy := map[string]bool{}
	kept := files[:0]
	for _, f := range files {
		dir := filepath.Dir(f)
		policy, seen := isPolicy[dir]
		if !seen {
			policy = holdsRego(dir)
			isPolicy[dir] = policy
		}
		if !policy {
			kept = append(kept, f)
		}
	}
	return kept, err
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
