package scanner

import (
	"context"
	"runtime"
	"sync"
)

// StreamOptions say how RunStream hands results out.
type StreamOptions struct {
	// AsCompleted emits each input's results as soon as they are ready,
	// not in input order (Result.Input says which input). One input's
	// results are always emitted together, one after the other, in the
	// order of its listings.
	AsCompleted bool
	// InputDone, if set, is called after an input's results were emitted
	// (progress bars), with how many there were.
	InputDone func(in Input, results int)
	// Window is how many inputs may be in flight (read, parsed, checked or
	// waiting for their turn) at once; 0 means 4 × workers. Of the one
	// input being spread over the workers, listingsPerWindow times as many
	// jobs may be, each of up to maxChunk listings. It bounds memory
	// however many inputs and listings there are.
	Window int
}

// RunStream scans every input in parallel and calls emit with each one's
// results. A bad input yields an error result and never stops the batch;
// only ctx cancellation or an emit error ends it early.
//
// Each input is a task of the pool (see runPool): a title list, a JSON or
// YAML list or a page with several listings is spread over the workers
// once it is the input being emitted, so one big input keeps every worker
// busy, and its results stream out in listing order as they come.
func (s *Scanner) RunStream(ctx context.Context, inputs []Input, so StreamOptions, emit func(Result) error) error {
	i := 0
	next := func() (task, bool) {
		if i == len(inputs) {
			return nil, false
		}
		in := inputs[i]
		i++
		return func(ctx context.Context, j job) unit { return s.work(ctx, in, j) }, true
	}
	var done func(pos, n int)
	if so.InputDone != nil {
		done = func(pos, n int) { so.InputDone(inputs[pos], n) }
	}
	return s.runPool(ctx, next, so.Window, so.AsCompleted, done, emit)
}

// task is what the pool runs for one position: a load (j.b nil) that
// reads an input and checks its only listing, or hands back several to
// spread (unit.b), or judges an order; then, for a spread input, the
// check of listing j.k of j.b. It never panics outward.
type task func(ctx context.Context, j job) unit

// runPool runs tasks, drawn from next until it reports false, on the
// scanner's workers and calls emit with their results: in task order, or
// as completed (whole tasks, lowest position first). done, if set, is
// called after a task's results were emitted. Listings and the orders of
// a shipments scan both go through it, so there is one pool to tune.
//
// Memory stays flat: feed draws a task only while fewer than window are
// in flight (0: 4 × workers), and hands out a chunk of a spread task's
// listings only while fewer than listingsPerWindow × window are;
// each leaves once its results are emitted. next is called from one goroutine only.
func (s *Scanner) runPool(ctx context.Context, next func() (task, bool), window int, asCompleted bool, done func(pos, n int), emit func(Result) error) error {
	workers := s.workers()
	if window <= 0 {
		window = 4 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	p := &pool{
		tokens:   make(chan struct{}, window),
		ltokens:  make(chan struct{}, listingsPerWindow*window),
		jobs:     make(chan job),
		done:     make(chan unit, (1+listingsPerWindow)*window),
		spreads:  make(chan spread),
		total:    make(chan int, 1),
		finished: make(chan struct{}),
		workers:  workers,
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range p.jobs {
				p.done <- runJob(ctx, j)
			}
		}()
	}
	go p.feed(ctx, next)
	defer wg.Wait()
	defer cancel() // before wg.Wait: stops feed and the workers' tasks on an early return
	defer close(p.finished)
	d := drain{pool: p, asCompleted: asCompleted, inputDone: done, emit: emit, states: map[int]*inputState{}}
	return d.run(ctx)
}

// listingsPerWindow sizes the window of a spread input's listings. A
// listing is small, and listings differ a hundredfold in cost: a title no
// rule reads takes microseconds, one with findings a millisecond of Rego.
// Results leave in listing order, so with a window of a few listings the
// other workers soon wait behind one slow listing (2 workers kept 1.55
// cores busy on a title list; with 16 × the window, 1.8).
const listingsPerWindow = 16

// runJob runs one job on a worker: a load, or a chunk of a spread task's
// listings one after the other.
func runJob(ctx context.Context, j job) unit {
	if j.b != nil {
		u := unit{pos: j.pos, k: j.k, chunk: getChunk(j.m)}
		for i := range u.chunk {
			one := j
			one.k, one.m = j.k+i, 1
			u.chunk[i] = j.run(ctx, one).result
		}
		return u
	}
	u := j.run(ctx, j)
	u.pos, u.k = j.pos, j.k // a task need not echo them
	if u.b != nil {
		u.run = j.run // the spread jobs run the same task
	}
	return u
}

// chunks recycles the results of chunks drain has emitted: a title list
// would otherwise allocate about a third of a kilobyte a title for them.
var chunks = sync.Pool{New: func() any { return new([maxChunk]Result) }}

func getChunk(n int) []Result { return chunks.Get().(*[maxChunk]Result)[:n] }

// putChunk clears c (its findings are garbage now) and recycles it.
func putChunk(c []Result) {
	c = c[:maxChunk]
	clear(c)
	chunks.Put((*[maxChunk]Result)(c))
}

// maxChunk is the most listings of a spread input one job checks. Handing
// a title out alone cost about as much as judging it (the channels, the
// wake-ups of feed, the worker and drain: some 5% of a title list's CPU);
// in chunks of 16 that falls sixteenfold.
const maxChunk = 16

// chunkOf is how many listings of a spread input of n go to one job: few
// enough that every worker gets at least four jobs of it, so a short list
// of heavy listings (a YAML file of ten) still spreads one by one.
func chunkOf(n, workers int) int {
	return min(maxChunk, max(1, n/(4*workers)))
}

// workers is how many tasks run at once: Options.Workers, or one per CPU.
func (s *Scanner) workers() int {
	if s.Options.Workers > 0 {
		return s.Options.Workers
	}
	return runtime.NumCPU()
}
