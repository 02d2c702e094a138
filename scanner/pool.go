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
	// waiting for their turn) at once, and how many listings of the one
	// input being spread over the workers; 0 means 4 × workers. It bounds
	// memory however many inputs and listings there are.
	Window int
}

// RunStream scans every input in parallel and calls emit with each one's
// results. A bad input yields an error result and never stops the batch;
// only ctx cancellation or an emit error ends it early.
//
// The workers take units of work: an input (read, parse, check its first
// listing) or one more listing of an input that holds several (a title
// list, a JSON or YAML list, a page with several listings), so one big
// input keeps every worker busy. Its listings are spread once it is the
// input being emitted, and its results stream out in listing order as
// they come.
//
// Memory stays flat: feed hands out an input only while fewer than Window
// are in flight, and a listing only while fewer than Window of its input's
// listings are; each leaves once its results are emitted.
func (s *Scanner) RunStream(ctx context.Context, inputs []Input, so StreamOptions, emit func(Result) error) error {
	workers := s.Options.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	window := so.Window
	if window <= 0 {
		window = 4 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	p := &pool{
		tokens:   make(chan struct{}, window),
		ltokens:  make(chan struct{}, window),
		jobs:     make(chan job),
		done:     make(chan unit, 2*window),
		spreads:  make(chan spread),
		finished: make(chan struct{}),
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range p.jobs {
				p.done <- s.work(ctx, inputs[j.pos], j)
			}
		}()
	}
	go p.feed(ctx, len(inputs))
	defer wg.Wait()
	defer cancel() // before wg.Wait: stops feed and the workers' inputs on an early return
	defer close(p.finished)
	d := drain{pool: p, inputs: inputs, so: so, emit: emit, states: map[int]*inputState{}}
	return d.run(ctx)
}

// job is a unit of work: reading and parsing the input at pos (b nil),
// or checking listing k of its batch.
type job struct {
	pos, k int
	b      batch
}

// unit is a job done.
type unit struct {
	pos, k int
	n      int    // for a load: the input's listings (1 when it failed)
	b      batch  // for a load of n > 1: the listings to spread
	result Result // when n == 1 or for a listing of a spread input
}

// spread asks feed to hand out the n listings of the input at pos.
type spread struct {
	pos, n int
	b      batch
}

type pool struct {
	tokens   chan struct{} // one per input in flight
	ltokens  chan struct{} // one per listing of the spread input in flight
	jobs     chan job
	done     chan unit // never full: at most cap(tokens) + cap(ltokens) units are in flight
	spreads  chan spread
	finished chan struct{} // closed when drain returns
}

// feed hands out jobs: the listings of the input being spread first, else
// the next input. Each job takes a token that drain gives back once its
// result is emitted.
func (p *pool) feed(ctx context.Context, n int) {
	defer close(p.jobs)
	var sp spread
	pos, k := 0, 0 // the next input; the next listing of sp
	for {
		spreads, tokens, next := p.spreads, p.tokens, job{pos: pos}
		switch {
		case k < sp.n:
			spreads, tokens, next = nil, p.ltokens, job{pos: sp.pos, k: k, b: sp.b}
		case pos >= n:
			tokens = nil // nothing to hand out until a spread comes
		}
		select {
		case sp = <-spreads:
			k = 0
			continue
		case tokens <- struct{}{}:
		case <-p.finished:
			return
		case <-ctx.Done():
			return
		}
		select {
		case p.jobs <- next:
		case <-ctx.Done():
			return
		}
		if next.b != nil {
			k++
		} else {
			pos++
		}
	}
}
