package testcorpus

import (
	"fmt"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// LabelledTexts are the titles, subtitles and descriptions of the
// project's own labelled cases (scanner/testdata/labelled): copy written
// for the project in the style of real listings. Tests that want many
// realistic texts read them where the shared corpus is not there, so they
// prove as much from a fresh clone as beside the corpus.
func LabelledTexts() ([]string, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	paths, err := filepath.Glob(filepath.Join(root, "scanner", "testdata", "labelled", "*", "*.yaml"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no labelled sets under %s (%v)", root, err)
	}
	var texts []string
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var set struct {
			Cases []struct {
				Title, Subtitle, Description string
			} `yaml:"cases"`
		}
		if err := yaml.Unmarshal(raw, &set); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		for _, c := range set.Cases {
			for _, t := range []string{c.Title, c.Subtitle, c.Description} {
				if t != "" {
					texts = append(texts, t)
				}
			}
		}
	}
	return texts, nil
}
