package policies

import (
	"context"
	"testing"
)

// TestRego runs every _test.rego of the embedded bundle: `go test ./...`
// is the one command that tests Go and Rego alike.
func TestRego(t *testing.T) {
	t.Parallel()
	b, err := Load(FS(), "xiaoer", true)
	if err != nil {
		t.Fatal(err)
	}
	results, err := RunTests(context.Background(), b, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests found in the bundle")
	}
	for _, r := range results {
		switch {
		case r.Error != nil:
			t.Errorf("%s.%s: error: %v", r.Package, r.Name, r.Error)
		case r.Fail:
			t.Errorf("%s.%s: failed (%s)", r.Package, r.Name, r.Location)
		}
	}
	t.Logf("%d Rego tests", len(results))
}

func TestEmbeddedBundleLoads(t *testing.T) {
	t.Parallel()
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if b.Manifest.Revision == "" {
		t.Error("manifest has no revision")
	}
	if got := Revision(); got != b.Manifest.Revision {
		t.Errorf("Revision() = %q, want the bundle's %q", got, b.Manifest.Revision)
	}
	for _, m := range b.Modules {
		if len(m.Path) > 10 && m.Path[len(m.Path)-10:] == "_test.rego" {
			t.Errorf("test module %s in the production bundle", m.Path)
		}
	}
}
