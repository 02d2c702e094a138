//go:build unix

package supervise

import (
	"os"
	"slices"
	"testing"
)

// The child gets the parent's environment, the settings Options.Env adds
// and its report descriptor, the latter last so that nothing overrides it.
func TestChildCmdEnvironment(t *testing.T) {
	t.Setenv("XIAOER_TEST_PARENT", "kept")
	cmd := childCmd("/bin/true", os.Stderr, []string{"GLIBC_TUNABLES=glibc.malloc.top_pad=1"})
	for _, want := range []string{"XIAOER_TEST_PARENT=kept", "GLIBC_TUNABLES=glibc.malloc.top_pad=1"} {
		if !slices.Contains(cmd.Env, want) {
			t.Errorf("child environment lacks %s", want)
		}
	}
	if last := cmd.Env[len(cmd.Env)-1]; last != ChildEnv+"=3" {
		t.Errorf("last of the child's environment = %q, want %s=3", last, ChildEnv)
	}
	if len(cmd.ExtraFiles) != 1 || cmd.ExtraFiles[0] != os.Stderr {
		t.Errorf("extra files = %v, want the report pipe alone (descriptor 3)", cmd.ExtraFiles)
	}
}
