package scanner

import (
	"sync"
	"sync/atomic"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

// Pregate reads the first title list of inputs and runs the gate's text
// stage (Engine.TextUnjudged) over its listings, in order, from start
// (given the engine, see NewCheckerThen) until stop. It is for the time
// between the policies compiled and gojieba's dictionaries loaded, when
// one core would otherwise wait: the text stage needs no tokens, and it
// alone rules out most titles. The workers give the listings it ruled out
// the result the gate would (none found) without running the gate again;
// every other listing is checked as ever. platform is Options.Platform.
//
// Without a title list both are no-ops. stop waits for the pass to end,
// and must be called once NewCheckerThen returns, before the scan.
func Pregate(inputs []Input, platform string) (start func(*engine.Engine), stop func()) {
	for i := range inputs {
		in := &inputs[i]
		if in.Load == nil && in.Read != nil && in.Source != "-" && isTitleList(in.Source) {
			p := &pregate{read: in.Read, source: in.Source, platform: platform, finished: make(chan struct{})}
			in.pregate = p
			return p.start, p.stop
		}
	}
	return func(*engine.Engine) {}, func() {}
}

// pregate is one title list, read once, and the text stage's verdicts on
// its first listings.
type pregate struct {
	read             func() ([]byte, error)
	source, platform string
	once             sync.Once
	list             atomic.Pointer[listings.TitleList] // until handed over
	err              error
	panic            any // a panic while reading, raised again where the worker loads
	taken            atomic.Bool
	ruledOut         []bool       // by listing; the first judged are final
	judged           atomic.Int64 // stored after each verdict, so a worker may read them
	stopped, started atomic.Bool
	finished         chan struct{} // closed when the pass has ended
}

func (p *pregate) start(eng *engine.Engine) {
	if p.stopped.Load() || p.started.Swap(true) {
		return
	}
	go func() {
		defer close(p.finished)
		p.run(eng)
	}()
}

func (p *pregate) stop() {
	p.stopped.Store(true)
	if p.started.Load() {
		<-p.finished
	}
}

// run judges the listings' text in order until stopped. A listing whose
// text stage panics ends the pass unjudged: its worker runs the gate
// and reports the panic as ever.
func (p *pregate) run(eng *engine.Engine) {
	defer func() { _ = recover() }()
	p.once.Do(p.parse)
	list := p.list.Load()
	if list == nil {
		return
	}
	p.ruledOut = make([]bool, list.Len())
	var l listings.Listing // one for every title: the text stage keeps none
	for k := range p.ruledOut {
		if p.stopped.Load() {
			return
		}
		list.ListingInto(k, &l)
		withPlatform(&l, p.platform)
		p.ruledOut[k] = eng.TextUnjudged(&l)
		p.judged.Store(int64(k + 1))
	}
}

// parse reads and indexes the list as loadBatch would.
func (p *pregate) parse() {
	defer keepPanic(&p.panic)
	list, err := readTitles(p.read, p.source)
	if p.err = err; err == nil {
		p.list.Store(list)
	}
}

// readTitles reads and indexes a title list, as loadBatch does.
func readTitles(read func() ([]byte, error), source string) (*listings.TitleList, error) {
	raw, err := read()
	if err != nil {
		return nil, err
	}
	return listings.ReadTitles(source, raw)
}

// load hands the list over to the worker once, with the verdicts, and
// lets it go; a second load reads it again, without them.
func (p *pregate) load() (batch, error) {
	if p.taken.Swap(true) {
		return readTitles(p.read, p.source)
	}
	p.once.Do(p.parse)
	if p.panic != nil {
		panic(p.panic)
	}
	if p.err != nil {
		return nil, p.err
	}
	return pregated{TitleList: p.list.Swap(nil), p: p}, nil
}

// pregated is a title list with the text stage's verdicts on it.
type pregated struct {
	*listings.TitleList
	p *pregate
}

// ruledOutAt: b is a pregated title list whose text stage ruled listing k
// out.
func ruledOutAt(b batch, k int) bool {
	pb, ok := b.(pregated)
	return ok && int64(k) < pb.p.judged.Load() && pb.p.ruledOut[k]
}
