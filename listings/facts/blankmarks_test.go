package facts

import (
	"strings"
	"testing"
)

// TestBlankIsTrimSpacesEmpty: blank answers as strings.TrimSpace(s) == ""
// does, for ASCII and Unicode spaces, tokens, and bytes that are not UTF-8.
func TestBlankIsTrimSpacesEmpty(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", " ", "\t\n\v\f\r ", "\u3000", "\u00a0", "\u0085", "\u2028 \u3000",
		"棉", " 棉 ", "a", " a", "a ", "\u3000最\u3000", "\xff", " \xff ", "\xe3\x80", "\u200b", "\ufeff", ".", "。"} {
		if got, want := blank(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("blank(%q) = %v, TrimSpace gives empty: %v", s, got, want)
		}
	}
}
