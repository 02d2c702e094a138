package cli_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/xiaoer-dev/xiaoer/scanner/cli"
)

// The example deployments call xiaoer with flags it has: a renamed flag
// must not leave them broken.
func TestDeploymentExamplesUseRealFlags(t *testing.T) {
	dir := filepath.Join("..", "dist", "examples")
	var calls [][]string
	for _, name := range []string{"compose.yaml", "kubernetes.yaml"} {
		calls = append(calls, xiaoerCalls(t, filepath.Join(dir, name))...)
	}
	if len(calls) < 4 {
		t.Fatalf("found %d xiaoer commands in the examples, want the serve and worker of each", len(calls))
	}
	app := cli.NewApp(io.Discard, io.Discard)
	for _, call := range calls {
		cmd := app.Command(call[0])
		if cmd == nil {
			t.Errorf("%v: no command %q", call, call[0])
			continue
		}
		known := map[string]bool{}
		for _, f := range cmd.Flags {
			for _, n := range f.Names() {
				known[n] = true
			}
		}
		for _, arg := range call[1:] {
			if name, ok := strings.CutPrefix(arg, "--"); ok && !known[name] {
				t.Errorf("%v: xiaoer %s has no flag --%s", call, call[0], name)
			}
		}
	}
}

// xiaoerCalls finds every command: or args: list in a YAML file of one or
// more documents whose first element is a xiaoer command.
func xiaoerCalls(t *testing.T, path string) [][]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	for {
		var doc any
		if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
			return out
		} else if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		walkYAML(doc, func(key string, list []any) {
			if key != "command" && key != "args" || len(list) == 0 {
				return
			}
			var call []string
			for _, v := range list {
				s, _ := v.(string)
				call = append(call, s)
			}
			if call[0] == "serve" || call[0] == "worker" || call[0] == "scan" {
				out = append(out, call)
			}
		})
	}
}

func walkYAML(v any, visit func(string, []any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			if list, ok := child.([]any); ok {
				visit(k, list)
			}
			walkYAML(child, visit)
		}
	case []any:
		for _, child := range v {
			walkYAML(child, visit)
		}
	}
}
