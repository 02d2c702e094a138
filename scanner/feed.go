package scanner

import "context"

// job is a unit of work: the load of the task at pos (b nil), or the
// check of listing k of its batch b, and of the m-1 after it when m > 1.
type job struct {
	pos, k int
	m      int
	b      batch
	run    task
}

// unit is a job done.
type unit struct {
	pos, k int
	n      int    // for a load: the task's results (1 when it failed)
	b      batch  // for a load of n > 1: the listings to spread
	run    task   // with b: the task that checks them
	result Result // when n == 1 or for a listing of a spread task
	// results, when set, are all n results of a task done whole (a batch
	// of orders): nothing to spread.
	results []Result
	// chunk, when set, are the results of listings k, k+1, … of a spread
	// task, checked by one job.
	chunk []Result
}

// spread asks feed to hand out the n listings of the task at pos, chunk
// at a time.
type spread struct {
	pos, n, chunk int
	b             batch
	run           task
}

type pool struct {
	tokens   chan struct{} // one per task in flight
	ltokens  chan struct{} // one per chunk of the spread task's listings in flight
	jobs     chan job
	done     chan unit // never full: at most cap(tokens) + cap(ltokens) units are in flight
	spreads  chan spread
	total    chan int      // how many tasks there were, once next has run dry
	finished chan struct{} // closed when drain returns
	workers  int
}

// feed hands out jobs: the listings of the task being spread first, else
// the next task. Each job takes a token that drain gives back once its
// results are emitted. A task is drawn only once its token is taken, so
// next (which may read files) is never ahead of the window.
func (p *pool) feed(ctx context.Context, next func() (task, bool)) {
	defer close(p.jobs)
	var sp spread
	pos, k := 0, 0 // the next task; the next listing of sp
	more := true   // next has not run dry
	for {
		spreads, tokens := p.spreads, p.tokens
		switch {
		case k < sp.n:
			spreads, tokens = nil, p.ltokens
		case !more:
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
		j := job{pos: sp.pos, k: k, m: min(sp.chunk, sp.n-k), b: sp.b, run: sp.run}
		if k >= sp.n {
			var run task
			if run, more = next(); !more {
				<-p.tokens // the token taken for a task that is not there
				p.total <- pos
				continue
			}
			j = job{pos: pos, run: run}
		}
		select {
		case p.jobs <- j:
		case <-ctx.Done():
			return
		}
		if j.b != nil {
			k += j.m
		} else {
			pos++
		}
	}
}
