package scanner

import (
	"context"
	"iter"
	"runtime"
	"sync"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// StreamOptions say how RunStream hands results out.
type StreamOptions struct {
	// AsCompleted emits each input's results as soon as they are ready,
	// not in input order (Result.Input says which input). One input's
	// results are always emitted together, one after the other.
	AsCompleted bool
	// InputDone, if set, is called after an input's results were emitted
	// (progress bars, flushing a stream at input boundaries).
	InputDone func(in Input, results []Result)
	// Window is how many inputs may be in flight (read, parsed, checked or
	// waiting for their turn) at once; 0 means 4 × workers. It bounds memory
	// however many inputs there are.
	Window int
}

// RunStream scans every input in parallel and calls emit with each one's
// results. A bad input yields an error result and never stops the batch;
// only ctx cancellation or an emit error ends it early.
//
// Memory stays flat: feed hands out an input only while fewer than Window
// are in flight, and an input leaves the window once its results are
// emitted, so a slow input holds back at most Window others.
func (s *Scanner) RunStream(ctx context.Context, inputs []Input, so StreamOptions, emit func(Result) error) error {
	tasks := func(yield func(task) bool) {
		for _, in := range inputs {
			if !yield(func(ctx context.Context) []Result { return s.scanInput(ctx, in) }) {
				return
			}
		}
	}
	return s.runPool(ctx, tasks, so.Window, so.AsCompleted, func(pos int, results []Result) error {
		for _, r := range results {
			if err := emit(r); err != nil {
				return err
			}
		}
		if so.InputDone != nil {
			so.InputDone(inputs[pos], results)
		}
		return nil
	})
}

// task is one unit of work of the pool: an input to read, parse and check,
// or a document to judge. It returns what became of it and never panics.
type task func(ctx context.Context) []Result

// runPool runs the tasks on the scanner's workers and calls emit with each
// task's results, by the task's position: in task order, or as completed.
// Tasks are drawn from the sequence only while fewer than window are in
// flight (0: 4 × workers), so memory stays flat however many there are.
// Only ctx or an error from emit ends it early.
func (s *Scanner) runPool(ctx context.Context, tasks iter.Seq[task], window int, asCompleted bool, emit func(pos int, results []Result) error) error {
	workers := s.workers()
	if window <= 0 {
		window = 4 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	p := &pool{tokens: make(chan struct{}, window), jobs: make(chan job), done: make(chan scanned, window), total: make(chan int, 1)}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range p.jobs {
				p.done <- scanned{j.pos, j.run(ctx)}
			}
		}()
	}
	go p.feed(ctx, tasks)
	defer wg.Wait()
	defer cancel() // before wg.Wait: stops feed and the workers' tasks on an early return
	return p.drain(ctx, asCompleted, emit)
}

// workers is how many tasks run at once: Options.Workers, or one per CPU.
func (s *Scanner) workers() int {
	if s.Options.Workers > 0 {
		return s.Options.Workers
	}
	return runtime.NumCPU()
}

// scanned is one task's results, by its position.
type scanned struct {
	pos     int
	results []Result
}

// job is a task and its position.
type job struct {
	pos int
	run task
}

type pool struct {
	tokens chan struct{} // one per task in flight
	jobs   chan job      // for the workers
	done   chan scanned  // never full: at most cap(tokens) tasks are in flight
	total  chan int      // how many tasks there were, once feed has seen them all
}

// feed hands out tasks, each after taking a token that drain gives back
// once the task's results are emitted.
func (p *pool) feed(ctx context.Context, tasks iter.Seq[task]) {
	defer close(p.jobs)
	n := 0
	for t := range tasks {
		select {
		case p.tokens <- struct{}{}:
		case <-ctx.Done():
			return
		}
		select {
		case p.jobs <- job{n, t}:
		case <-ctx.Done():
			return
		}
		n++
	}
	p.total <- n
}

// drain emits results as they come (asCompleted) or holds early ones until
// their turn; what it holds is bounded by the window.
func (p *pool) drain(ctx context.Context, asCompleted bool, emit func(pos int, results []Result) error) error {
	pending := map[int][]Result{}
	next, emitted, total := 0, 0, -1
	for total < 0 || emitted < total {
		var got scanned
		select {
		case got = <-p.done:
		case total = <-p.total:
			continue
		case <-ctx.Done():
			return ctx.Err()
		}
		pending[got.pos] = got.results
		for {
			pos, ok := p.ready(pending, next, got.pos, asCompleted)
			if !ok {
				break
			}
			results := pending[pos]
			delete(pending, pos)
			if err := emit(pos, results); err != nil {
				return err
			}
			<-p.tokens
			emitted++
			if pos == next {
				next++
			}
		}
	}
	return nil
}

// ready picks the next position to emit: the one just done when emitting
// as completed, else the next in input order if it is done.
func (p *pool) ready(pending map[int][]Result, next, just int, asCompleted bool) (int, bool) {
	if asCompleted {
		_, ok := pending[just]
		return just, ok
	}
	_, ok := pending[next]
	return next, ok
}

// listingsOf reads and parses one input, or lets it load itself.
func listingsOf(ctx context.Context, in Input) ([]*listings.Listing, error) {
	if in.Load != nil {
		return in.Load(ctx)
	}
	raw, err := in.Read()
	if err != nil {
		return nil, err
	}
	return ParseInput(in.Source, raw)
}
