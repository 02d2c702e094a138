package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestHeapLimitForIsTheFloorUntilTheHeapDoubledIsMore(t *testing.T) {
	const floor = 150 << 20
	cases := []struct {
		live, want uint64
	}{
		{0, floor},
		{60 << 20, floor},                      // a scan's usual live heap
		{67 << 20, floor},                      // doubled with the overhead: exactly 150 MiB
		{100 << 20, 200<<20 + runtimeOverhead}, // a large input in hand
		{4 << 30, 8<<30 + runtimeOverhead},
	}
	for _, c := range cases {
		if got := heapLimitFor(c.live, floor); got != c.want {
			t.Errorf("heapLimitFor(%d MiB) = %d MiB, want %d MiB", c.live>>20, got>>20, c.want>>20)
		}
	}
}

// gcSettings reads the collector's percentage and memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestTuneGCForListingsSetsAndRestores(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64)) // no limit: the tuning's own case
	percent, limit := gcSettings()
	restore := tuneGCForListings()
	p, l := gcSettings()
	restore()
	if p != listingsGCPercent || l < listingsHeapFloor {
		t.Errorf("during a listing scan: GOGC %d, limit %d MiB; want %d and at least %d MiB", p, l>>20, listingsGCPercent, listingsHeapFloor>>20)
	}
	if p, l := gcSettings(); p != percent || l != limit {
		t.Errorf("after: GOGC %d, limit %d; want them restored to %d, %d", p, l, percent, limit)
	}
	// restore stops the follower: a few of its intervals later, nothing
	// has set the limit again.
	time.Sleep(3 * liveHeapEvery)
	if _, l := gcSettings(); l != limit {
		t.Errorf("%s after restore: limit %d MiB; want %d, the follower stopped", 3*liveHeapEvery, l>>20, limit)
	}
}

func TestTuneGCForListingsLeavesTheUsersSettings(t *testing.T) {
	t.Setenv("GOGC", "50")
	before, limit := gcSettings()
	restore := tuneGCForListings()
	p, l := gcSettings()
	restore()
	if p != before || l != limit {
		t.Errorf("GOGC=50 set by the user: GOGC %d, limit %d during the scan; want %d, %d untouched", p, l, before, limit)
	}
}

// A scan that holds a large input must not collect more often than
// GOGC=100 would: the limit rises with the live heap.
func TestFollowLiveHeapRaisesTheLimitAboveALargeLiveHeap(t *testing.T) {
	_, limit := gcSettings()
	defer debug.SetMemoryLimit(limit)
	held := make([]byte, 64<<20)
	for i := range held {
		held[i] = byte(i)
	}
	runtime.GC()
	// The limit starts at a value the follower never sets (the test
	// binary's own is no limit, which would pass the check below before
	// the follower ran): the test waits until the follower has set it.
	const unset = math.MaxInt64 - 1
	debug.SetMemoryLimit(unset)
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		followLiveHeap(8<<20, time.Millisecond, stop)
	}()
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) == unset && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	close(stop)
	<-done
	if got := debug.SetMemoryLimit(-1); got < 2*int64(len(held)) {
		t.Errorf("limit %d MiB with %d MiB live: want at least twice the live heap", got>>20, len(held)>>20)
	}
	runtime.KeepAlive(held)
}
