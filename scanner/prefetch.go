package scanner

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// Prefetch limits: how many inputs, and how many of their bytes, may be
// parsed ahead and held until a worker takes them.
const (
	prefetchInputs = 64
	prefetchBytes  = 12 << 20
)

// Prefetch parses the first item pages and listing files of inputs in the
// background, in input order, until stop is called. It is for the time
// NewChecker takes: loading gojieba's dictionaries keeps one core in C
// code and the policies compile in a fraction of that time, so a core
// would otherwise wait. Each input it may take gets a Load that hands
// over the parsed listings, or parses them itself if the prefetch has not
// reached that input: the results are the same either way.
//
// Title lists, shop exports, stdin and inputs that load themselves are
// left alone (they are read lazily or only once).
func Prefetch(inputs []Input) (stop func()) {
	queue := prefetchQueue(inputs)
	var stopped atomic.Bool
	go runPrefetch(queue, &stopped)
	return func() { stopped.Store(true) }
}

// prefetchQueue gives the inputs Prefetch may parse a Load that takes
// their prefetched listings, and returns them in input order.
func prefetchQueue(inputs []Input) []*prefetched {
	var queue []*prefetched
	for i := range inputs {
		in := &inputs[i]
		if len(queue) == prefetchInputs {
			break
		}
		if in.Load != nil || in.Read == nil || in.Source == "-" || listings.IsExportFile(in.Source) || isTitleList(in.Source) {
			continue
		}
		p := &prefetched{read: in.Read, source: in.Source}
		in.Load = p.load
		queue = append(queue, p)
	}
	return queue
}

// runPrefetch parses the queue in order until stopped or past the byte
// budget.
func runPrefetch(queue []*prefetched, stopped *atomic.Bool) {
	bytes := 0
	for _, p := range queue {
		if stopped.Load() || bytes > prefetchBytes {
			return
		}
		p.once.Do(p.parse)
		bytes += p.size
	}
}

// prefetched is one input parsed ahead, or about to be.
type prefetched struct {
	read   func() ([]byte, error)
	source string
	once   sync.Once
	taken  atomic.Bool
	ls     []*listings.Listing
	err    error
	size   int
	panic  any // a panic while parsing, raised again where the worker loads
}

// parse reads and parses the input as loadBatch would.
func (p *prefetched) parse() {
	defer keepPanic(&p.panic)
	raw, err := p.read()
	if err != nil {
		p.err = err
		return
	}
	p.size = len(raw)
	p.ls, p.err = listings.Parse(p.source, raw)
}

// load hands the prefetched listings over once and lets them go; a second
// load parses again.
func (p *prefetched) load(context.Context) ([]*listings.Listing, error) {
	if p.taken.Swap(true) {
		fresh := &prefetched{read: p.read, source: p.source}
		return fresh.load(context.Background())
	}
	p.once.Do(p.parse)
	ls, err, panicked := p.ls, p.err, p.panic
	p.ls = nil
	if panicked != nil {
		panic(panicked)
	}
	return ls, err
}

// keepPanic, deferred by a parse ahead of the workers, keeps its panic in
// *into: the worker that loads the input raises it again, where it is
// reported as that input's error.
func keepPanic(into *any) {
	if r := recover(); r != nil {
		*into = r
	}
}
