//go:build unix

package supervise

import (
	"os"
	"runtime/debug"
	"sync"
	"syscall"
)

// crashForTest ends the child the way a real crash would, so the tests
// exercise the parent against the runtime itself rather than a stand-in:
// "map" and "stack" are Go runtime fatal errors (exit status 2, no
// recover), "kill" is death by a signal. Any other value does nothing.
func crashForTest(mode string) {
	switch mode {
	case "map":
		concurrentMapWrites()
	case "stack":
		debug.SetMaxStack(1 << 20)
		recurse(0)
	case "kill":
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal ends the process
	}
}

// concurrentMapWrites writes one map from many goroutines until the
// runtime notices and throws "fatal error: concurrent map writes".
func concurrentMapWrites() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := 0; ; i++ {
				m[i%1024] = g
			}
		})
	}
	wg.Wait()
}

// recurse grows the stack past SetMaxStack: "goroutine stack exceeds".
func recurse(n int) int {
	if n < 0 { // never: the stack runs out first
		return 0
	}
	var pad [256]byte
	pad[n%len(pad)] = byte(n)
	return recurse(n+1) + int(pad[0])
}
