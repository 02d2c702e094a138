package scanner

import (
	"context"
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
	workers := s.Options.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	window := so.Window
	if window <= 0 {
		window = 4 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	p := &pool{tokens: make(chan struct{}, window), jobs: make(chan int), done: make(chan scanned, window)}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for pos := range p.jobs {
				p.done <- scanned{pos, s.scanInput(ctx, inputs[pos])}
			}
		}()
	}
	go p.feed(ctx, len(inputs))
	defer wg.Wait()
	defer cancel() // before wg.Wait: stops feed and the workers' inputs on an early return
	return p.drain(ctx, inputs, so, emit)
}

// scanned is one input's results, by its position in the inputs.
type scanned struct {
	pos     int
	results []Result
}

type pool struct {
	tokens chan struct{} // one per input in flight
	jobs   chan int      // positions for the workers
	done   chan scanned  // never full: at most cap(tokens) inputs are in flight
}

// feed hands out positions, each after taking a token that drain gives
// back once the input's results are emitted.
func (p *pool) feed(ctx context.Context, n int) {
	defer close(p.jobs)
	for pos := range n {
		select {
		case p.tokens <- struct{}{}:
		case <-ctx.Done():
			return
		}
		select {
		case p.jobs <- pos:
		case <-ctx.Done():
			return
		}
	}
}

// drain emits results as they come (AsCompleted) or holds early ones until
// their turn; what it holds is bounded by the window.
func (p *pool) drain(ctx context.Context, inputs []Input, so StreamOptions, emit func(Result) error) error {
	pending := map[int][]Result{}
	next := 0
	for emitted := 0; emitted < len(inputs); {
		var got scanned
		select {
		case got = <-p.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		pending[got.pos] = got.results
		for {
			pos, ok := p.ready(pending, next, got.pos, so.AsCompleted)
			if !ok {
				break
			}
			results := pending[pos]
			delete(pending, pos)
			for _, r := range results {
				if err := emit(r); err != nil {
					return err
				}
			}
			if so.InputDone != nil {
				so.InputDone(inputs[pos], results)
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
