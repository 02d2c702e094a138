package scanner

import "context"

// drain collects the workers' units and emits results one input at a
// time (the head), its listings in order. In input order the head is the
// next input; emitting as completed it is the lowest-numbered input
// loaded. A head with several listings is spread over the
// workers and streams out as its listings come back.
type drain struct {
	*pool
	inputs []Input
	so     StreamOptions
	emit   func(Result) error
	states map[int]*inputState // inputs loaded, not yet emitted whole
	head   *inputState
	next   int // in input order: the next input to emit
}

// inputState is what came back of one input so far.
type inputState struct {
	pos   int
	n     int   // listings
	b     batch // the listings to spread, when n > 1
	sent  int   // results emitted
	ready map[int]Result
}

func (d *drain) run(ctx context.Context) error {
	for left := len(d.inputs); left > 0; {
		var u unit
		select {
		case u = <-d.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		d.record(u)
		finished, err := d.emitReady(ctx)
		if err != nil {
			return err
		}
		left -= finished
	}
	return nil
}

func (d *drain) record(u unit) {
	st := d.states[u.pos]
	if st == nil { // the load comes back first: the listings are spread after it
		st = &inputState{pos: u.pos, n: u.n, b: u.b, ready: map[int]Result{}}
		d.states[u.pos] = st
		if u.n != 1 {
			return
		}
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
		for r, ok := st.ready[st.sent]; ok; r, ok = st.ready[st.sent] {
			delete(st.ready, st.sent)
			if err := d.emit(r); err != nil {
				return finished, err
			}
			if st.n > 1 {
				<-d.ltokens
			}
			st.sent++
		}
		if st.sent < st.n {
			return finished, nil // the head waits for its next listing
		}
		if d.so.InputDone != nil {
			d.so.InputDone(d.inputs[st.pos], st.n)
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

// pickHead chooses the input to emit next, and has its other listings
// handed out when it has several. It reports false when none is ready.
func (d *drain) pickHead(ctx context.Context) bool {
	var st *inputState
	if d.so.AsCompleted {
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
	if st.n > 1 {
		select {
		case d.spreads <- spread{pos: st.pos, n: st.n, b: st.b}:
		case <-ctx.Done():
		}
		st.b = nil
	}
	return true
}
