package policies

import "testing"

// Embedded keeps one parsed bundle for every caller until ForgetEmbedded,
// after which it parses the same bundle again.
func TestForgetEmbeddedParsesAgain(t *testing.T) {
	first, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Embedded(); again != first {
		t.Fatal("Embedded parsed the bundle twice without ForgetEmbedded")
	}
	ForgetEmbedded()
	parsed, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if parsed == first {
		t.Fatal("Embedded kept the bundle ForgetEmbedded let go")
	}
	if len(parsed.Modules) != len(first.Modules) || len(parsed.Data) != len(first.Data) || parsed.Manifest.Revision != first.Manifest.Revision {
		t.Errorf("parsed again: %d modules, %d data keys, revision %q; first %d, %d, %q",
			len(parsed.Modules), len(parsed.Data), parsed.Manifest.Revision, len(first.Modules), len(first.Data), first.Manifest.Revision)
	}
}
