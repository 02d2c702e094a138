package facts

import "testing"

// Initials are the first letters of every reading, once each.
func TestInitials(t *testing.T) {
	for r, want := range map[rune]string{'普': "p", '行': "xh", '奈': "n", 'A': ""} {
		if got := Initials(r); got != want {
			t.Errorf("Initials(%q) = %q, want %q", r, got, want)
		}
	}
}
