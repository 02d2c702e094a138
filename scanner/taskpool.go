package scanner

import (
	"context"
	"iter"
	"runtime"
	"sync"
)

// The task pool runs a stream of documents to judge (the orders of a
// shipments scan, read in two passes and never held all at once) on the
// scanner's workers, with the same engine and Result as listings. Listings
// go through RunStream's pool instead, which spreads one input's listings
// over the workers.

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
	p := &taskPool{tokens: make(chan struct{}, window), jobs: make(chan taskJob), done: make(chan taskDone, window), total: make(chan int, 1)}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range p.jobs {
				p.done <- taskDone{j.pos, j.run(ctx)}
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

// taskDone is one task's results, by its position.
type taskDone struct {
	pos     int
	results []Result
}

// taskJob is a task and its position.
type taskJob struct {
	pos int
	run task
}

type taskPool struct {
	tokens chan struct{} // one per task in flight
	jobs   chan taskJob  // for the workers
	done   chan taskDone // never full: at most cap(tokens) tasks are in flight
	total  chan int      // how many tasks there were, once feed has seen them all
}

// feed hands out tasks, each after taking a token that drain gives back
// once the task's results are emitted.
func (p *taskPool) feed(ctx context.Context, tasks iter.Seq[task]) {
	defer close(p.jobs)
	n := 0
	for t := range tasks {
		select {
		case p.tokens <- struct{}{}:
		case <-ctx.Done():
			return
		}
		select {
		case p.jobs <- taskJob{n, t}:
		case <-ctx.Done():
			return
		}
		n++
	}
	p.total <- n
}

// drain emits results as they come (asCompleted) or holds early ones until
// their turn; what it holds is bounded by the window.
func (p *taskPool) drain(ctx context.Context, asCompleted bool, emit func(pos int, results []Result) error) error {
	pending := map[int][]Result{}
	next, emitted, total := 0, 0, -1
	for total < 0 || emitted < total {
		var got taskDone
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
func (p *taskPool) ready(pending map[int][]Result, next, just int, asCompleted bool) (int, bool) {
	if asCompleted {
		_, ok := pending[just]
		return just, ok
	}
	_, ok := pending[next]
	return next, ok
}
