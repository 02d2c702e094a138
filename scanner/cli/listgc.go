package cli

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// A listing scan allocates much per listing and keeps little: the live
// heap is the engine's (about 60 MB) and the input in hand, and each
// listing's tokens, input document and evaluation are garbage once its
// findings are written. At GOGC=100 the collector runs each time the live
// heap's size is allocated again, which is every few hundred titles.
// Letting the heap grow to a floor of 150 MiB first cuts the process's CPU
// by about a tenth on title lists, exports and pages (issue 13's note),
// and keeps a title list under 300 MB peak (jieba's dictionaries, about
// 130 MB, lie outside the Go heap). Above the floor the limit follows twice
// the live heap, so a scan holding a large input collects as GOGC=100
// would, never more often. GOGC or GOMEMLIMIT set by the user win.
const (
	listingsGCPercent = 400
	listingsHeapFloor = 150 << 20
	// runtimeOverhead is the memory the limit counts beside the heap
	// (stacks, the collector's metadata).
	runtimeOverhead = 16 << 20
	// liveHeapEvery is how often the limit is set again from the live heap.
	liveHeapEvery = 50 * time.Millisecond
)

// tuneGCForListings sets the collector for a listing scan (scan, audit,
// worker; not serve, whose requests come and go) and returns what
// restores it.
func tuneGCForListings() (restore func()) {
	if gcSetByUser() {
		return func() {}
	}
	percent := debug.SetGCPercent(listingsGCPercent)
	limit := debug.SetMemoryLimit(listingsHeapFloor)
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		followLiveHeap(listingsHeapFloor, liveHeapEvery, stop)
	}()
	return func() {
		close(stop)
		<-done
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// gcSetByUser: the user chose the collector's settings (environment or
// an earlier SetMemoryLimit).
func gcSetByUser() bool {
	return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" || debug.SetMemoryLimit(-1) != math.MaxInt64
}

// followLiveHeap sets the memory limit from the live heap every interval
// until stop closes.
func followLiveHeap(floor uint64, every time.Duration, stop <-chan struct{}) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		debug.SetMemoryLimit(int64(heapLimitFor(sample[0].Value.Uint64(), floor)))
	}
}

// heapLimitFor is the memory limit for a live heap: the floor, or room for
// the heap to double (as GOGC=100 gives it) when that is more.
func heapLimitFor(live, floor uint64) uint64 {
	return max(floor, 2*live+runtimeOverhead)
}
