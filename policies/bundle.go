package policies

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
)

// Load reads a policy bundle from fsys (Rego v1). Test files are left out
// unless withTests is set.
func Load(fsys fs.FS, name string, withTests bool) (*bundle.Bundle, error) {
	loader, err := bundle.NewFSLoader(fsys)
	if err != nil {
		return nil, fmt.Errorf("open bundle %s: %w", name, err)
	}
	if !withTests {
		loader = loader.WithFilter(func(path string, _ fs.FileInfo, _ int) bool {
			return strings.HasSuffix(path, "_test.rego")
		})
	}
	b, err := bundle.NewCustomReader(loader).
		WithRegoVersion(ast.RegoV1).
		WithSkipBundleVerification(true).
		WithProcessAnnotations(true).
		WithBundleName(name).
		Read()
	if err != nil {
		return nil, fmt.Errorf("read bundle %s: %w", name, err)
	}
	return &b, nil
}

// Embedded is the built-in bundle, parsed on first use and kept until
// ForgetEmbedded. It can only fail if the binary was built from a broken
// policies/ tree, which go test catches. Callers share it: never change it.
func Embedded() (*bundle.Bundle, error) {
	embedded.Lock()
	defer embedded.Unlock()
	if embedded.bundle == nil {
		b, err := Load(FS(), "xiaoer", false)
		if err != nil {
			return nil, err
		}
		embedded.bundle = b
	}
	return embedded.bundle, nil
}

// embedded is Embedded's parsed bundle, nil until first use.
var embedded struct {
	sync.Mutex
	bundle *bundle.Bundle
}

// ForgetEmbedded lets the parsed bundle go; the next Embedded parses it
// again. An engine compiles the bundle into a compiler and a store of its
// own, so a scan, once its engine is built, needs the parsed one no more,
// and it is about 5 MB (the data as JSON values, the modules' syntax trees)
// that the collector would mark on each of its cycles, beside a live heap
// of about 60 MB a title list keeps.
func ForgetEmbedded() {
	embedded.Lock()
	embedded.bundle = nil
	embedded.Unlock()
}

// Revision is the policy set's revision from .manifest. It reads the
// manifest alone: every command's help and version text shows it, and
// parsing the whole bundle for it (about 40 ms) held up the start of each
// scan, whose engine parses the bundle while the dictionaries load.
var Revision = sync.OnceValue(func() string {
	raw, err := fs.ReadFile(FS(), ".manifest")
	if err != nil {
		return "unknown"
	}
	var m bundle.Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return "unknown"
	}
	return m.Revision
})

// testCaseTimeout bounds one Rego test case. OPA's default (5 s) is far
// above what a case takes alone, yet a case of 0.3 s reached it on a
// 2-core machine running several packages' tests at a load of about 14;
// go test's own timeout still stops a case that hangs.
const testCaseTimeout = time.Minute

// RunTests runs the Rego tests of a bundle (loaded with its tests) and
// returns every result; failed and errored tests are in the results.
func RunTests(ctx context.Context, b *bundle.Bundle, filter string) ([]*tester.Result, error) {
	modules := make(map[string]*ast.Module, len(b.Modules))
	for _, m := range b.Modules {
		modules[m.Path] = m.Parsed
	}
	runner := tester.NewRunner().
		SetStore(inmem.NewFromObject(b.Data)).
		SetModules(modules).
		SetDefaultRegoVersion(ast.RegoV1).
		RaiseBuiltinErrors(true).
		SetTimeout(testCaseTimeout).
		Filter(filter)
	ch, err := runner.RunTests(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("run policy tests: %w", err)
	}
	var results []*tester.Result
	for r := range ch {
		results = append(results, r)
	}
	return results, nil
}
