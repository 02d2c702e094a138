package scanner

import "context"

// drain collects the workers' units and emits results one task (an input
// or an order) at a time (the head), its listings in order. In task order
// the head is the next task; emitting as completed it is the
// lowest-numbered task loaded. A head with several listings is spread over
// the workers and streams out as its listings come back.
type drain struct {
	*pool
	asCompleted bool
	inputDone   func(pos, n int) // may be nil
	emit        func(Result) error
	states      map[int]*inputState // tasks loaded, not yet emitted whole
	head        *inputState
	next        int // in task order: the next task to emit
}

// inputState is what came back of one task so far.
type inputState struct {
	pos   int
	n     int   // results (listings)
	whole bool  // the task came back with all its results, none to spread
	b     batch // the listings to spread, when n > 1 and not whole
	run   task  // with b: the task that checks them
	chunk int   // with b: listings a job checks (see chunkOf)
	sent  int   // results emitted
	ready map[int]Result
	// chunks are a spread task's results back, by the chunk's first
	// listing.
	chunks map[int][]Result
}

// run drains until every task feed handed out is emitted whole; how many
// there are is known once feed's source has run dry.
func (d *drain) run(ctx context.Context) error {
	for emitted, total := 0, -1; total < 0 || emitted < total; {
		var u unit
		select {
		case u = <-d.done:
		case total = <-d.total:
			continue
		case <-ctx.Done():
			return ctx.Err()
		}
		d.record(u)
		finished, err := d.emitReady(ctx)
		if err != nil {
			return err
		}
		emitted += finished
	}
	return nil
}

func (d *drain) record(u unit) {
	st := d.states[u.pos]
	if st == nil { // the load comes back first: the listings are spread after it
		st = &inputState{pos: u.pos, n: u.n, whole: u.results != nil, b: u.b, run: u.run, ready: map[int]Result{}}
		d.states[u.pos] = st
		if st.whole {
			for k, r := range u.results {
				st.ready[k] = r
			}
			return
		}
		if u.n != 1 {
			return
		}
	}
	if u.chunk != nil {
		st.chunks[u.k] = u.chunk
		return
	}
	st.ready[u.k] = u.result
}

// emitReady emits what can go out now and returns how many inputs it
// finished.
func (d *drain) emitReady(ctx context.Context) (int, error) {
	finished := 0
	for {
		if d.head == nil && !d.pickHead(ctx) {
			return finished, nil
		}
		st := d.head
		for r, ok := st.next(); ok; r, ok = st.next() {
			if err := d.emit(r); err != nil {
				return finished, err
			}
			st.sent++
			if st.chunk > 0 && (st.sent%st.chunk == 0 || st.sent == st.n) {
				d.chunkDone(st)
			}
		}
		if st.sent < st.n {
			return finished, nil // the head waits for its next listing
		}
		if d.inputDone != nil {
			d.inputDone(st.pos, st.n)
		}
		delete(d.states, st.pos)
		<-d.tokens
		finished++
		d.head = nil
		if st.pos == d.next {
			d.next++
		}
	}
}

// next is the result to emit next, if it is back.
func (st *inputState) next() (Result, bool) {
	if st.chunk == 0 {
		r, ok := st.ready[st.sent]
		delete(st.ready, st.sent)
		return r, ok
	}
	c, ok := st.chunks[st.sent-st.sent%st.chunk]
	if !ok {
		return Result{}, false
	}
	return c[st.sent%st.chunk], true
}

// chunkDone lets go of the chunk whose last result st just emitted: its
// results go back to the pool and its job's token to feed.
func (d *drain) chunkDone(st *inputState) {
	first := (st.sent - 1) / st.chunk * st.chunk
	putChunk(st.chunks[first])
	delete(st.chunks, first)
	<-d.ltokens
}

// pickHead chooses the input to emit next, and has its other listings
// handed out when it has several. It reports false when none is ready.
func (d *drain) pickHead(ctx context.Context) bool {
	var st *inputState
	if d.asCompleted {
		for _, s := range d.states {
			if st == nil || s.pos < st.pos {
				st = s
			}
		}
	} else {
		st = d.states[d.next]
	}
	if st == nil {
		return false
	}
	d.head = st
	if st.n > 1 && !st.whole {
		st.chunk, st.chunks = chunkOf(st.n, d.workers), map[int][]Result{}
		select {
		case d.spreads <- spread{pos: st.pos, n: st.n, chunk: st.chunk, b: st.b, run: st.run}:
		case <-ctx.Done():
		}
		st.b, st.run = nil, nil
	}
	return true
}
