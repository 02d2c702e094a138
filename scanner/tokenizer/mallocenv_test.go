package tokenizer

import (
	"os"
	"strings"
	"testing"
)

func TestMallocEnvLeavesTheUsersTunables(t *testing.T) {
	t.Setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=2")
	if env := MallocEnv(); env != nil {
		t.Errorf("MallocEnv() = %q with GLIBC_TUNABLES set, want nothing", env)
	}
}

// The thresholds must stay in glibc's ranges, which it enforces in
// silence: mmap_threshold at most 32 MB on 64-bit.
func TestMallocEnvSetsTheTunables(t *testing.T) {
	t.Setenv("GLIBC_TUNABLES", "") // restored after the test
	os.Unsetenv("GLIBC_TUNABLES")
	env := MallocEnv()
	if len(env) != 1 || !strings.HasPrefix(env[0], "GLIBC_TUNABLES=") {
		t.Fatalf("MallocEnv() = %q, want one GLIBC_TUNABLES", env)
	}
	for _, want := range []string{"glibc.malloc.mmap_threshold=33554432", "glibc.malloc.top_pad=67108864"} {
		if !strings.Contains(env[0], want) {
			t.Errorf("MallocEnv() = %q, lacks %s", env[0], want)
		}
	}
}
