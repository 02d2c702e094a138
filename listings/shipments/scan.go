package shipments

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/fileread"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Options configures a scan.
type Options struct {
	Engine  *engine.Engine
	Now     time.Time // the time rules judge "still not picked up" against; zero: time.Now()
	Shop    string    // shop name for orders that do not name one; "" means "default"
	Workers int       // parallel evaluations; 0: GOMAXPROCS
}

// DefaultShop names the shop of orders that name none when Options.Shop is
// empty.
const DefaultShop = "default"

// Outcome is what became of one order, one listing's promise, or one input
// that could not be read.
type Outcome struct {
	Source    string // the orders file (or tracking file, for file errors)
	Line      int
	Shop      string
	OrderID   string // "" for listing outcomes and file errors
	ListingID string // set for listing outcomes
	Findings  []finding.Finding
	Err       error
	FileErr   bool // Err stopped the whole file, not one order
}

// Scanner runs the two passes over a set of inputs.
type Scanner struct {
	opts   Options
	inputs []Input
	index  *Index
}

// NewScanner classifies the inputs; nothing is read yet.
func NewScanner(paths []string, opts Options) (*Scanner, error) {
	if opts.Engine == nil {
		return nil, errors.New("shipments: no policy engine")
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	opts.Now = opts.Now.In(facts.Shanghai)
	if opts.Shop == "" {
		opts.Shop = DefaultShop
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	return &Scanner{opts: opts, inputs: ClassifyInputs(paths), index: newIndex(opts.Now)}, nil
}

// Inputs lists the files of the scan and what each holds.
func (s *Scanner) Inputs() []Input { return s.inputs }

// Index is the shop-level index, complete once Run has returned.
func (s *Scanner) Index() *Index { return s.index }

// Run makes both passes and hands every outcome to emit, in input order:
// file errors, then each order of each orders file, then each listing's
// promise. An error from emit or ctx stops the scan.
func (s *Scanner) Run(ctx context.Context, emit func(Outcome) error) error {
	bad := s.buildIndex(ctx)
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, out := range bad {
		if err := emit(out); err != nil {
			return err
		}
	}
	for _, in := range s.inputs {
		if in.Err != nil || in.Kind == InputTracking || failed(bad, in.Path) {
			continue
		}
		if err := s.scanOrders(ctx, in, emit); err != nil {
			return err
		}
	}
	return s.judgeListings(ctx, emit)
}

func failed(bad []Outcome, path string) bool {
	for _, b := range bad {
		if b.Source == path {
			return true
		}
	}
	return false
}

// buildIndex is the first pass: every tracking file and every orders file
// is read once into the index. Files that cannot be read are returned as
// outcomes (a bad row is reported in the second pass, with its order).
func (s *Scanner) buildIndex(ctx context.Context) []Outcome {
	var bad []Outcome
	for _, in := range s.inputs {
		if ctx.Err() != nil {
			return bad
		}
		var err error
		switch {
		case in.Err != nil:
			err = in.Err
		case in.Kind == InputTracking:
			var traces []*Trace
			if traces, err = ReadTrackingFile(in.Path); err == nil {
				s.index.addTraces(in.Path, traces)
			}
		default:
			err = s.eachOrder(in, func(o *Order, rowErr error) error {
				if o != nil {
					s.index.addOrder(o, s.shopOf(o))
				}
				return ctx.Err()
			})
		}
		if err != nil {
			bad = append(bad, Outcome{Source: in.Path, Err: err, FileErr: true})
		}
	}
	return bad
}

func (s *Scanner) shopOf(o *Order) string {
	if o.Shop != "" {
		return o.Shop
	}
	return s.opts.Shop
}

// orderReader is what both order readers offer.
type orderReader interface {
	Next() (*Order, error)
}

// eachOrder streams the orders of a file to fn, with a *RowError for rows
// that cannot be read; any other error ends the file.
func (s *Scanner) eachOrder(in Input, fn func(*Order, error) error) error {
	f, err := fileread.Open(in.Path, MaxOrdersFileBytes)
	if err != nil {
		return err
	}
	defer f.Close()
	var r orderReader
	if in.Kind == InputOrdersCSV {
		r, err = newCSVOrders(f, in.Path)
	} else {
		r, err = newJSONOrders(f, in.Path)
	}
	if err != nil {
		return err
	}
	for {
		o, err := r.Next()
		var rowErr *RowError
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.As(err, &rowErr):
			if err := fn(nil, rowErr); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			if err := fn(o, nil); err != nil {
				return err
			}
		}
	}
}

// job is one order on its way through the worker pool; done carries its
// outcome back so outcomes leave in input order.
type job struct {
	doc  *facts.Document
	out  Outcome
	done chan Outcome
}

// scanOrders is the second pass over one orders file: the reader builds
// documents in order, workers evaluate them, and outcomes are emitted in
// the order the orders came.
func (s *Scanner) scanOrders(ctx context.Context, in Input, emit func(Outcome) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan *job, s.opts.Workers*16)
	work := make(chan *job, s.opts.Workers*16)
	var wg sync.WaitGroup
	for range s.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.done <- s.evaluate(ctx, j)
			}
		}()
	}
	var readErr error
	go func() {
		defer close(queue)
		defer close(work)
		readErr = s.feed(ctx, in, queue, work)
	}()
	var emitErr error
	for j := range queue {
		out := <-j.done
		if emitErr == nil {
			if emitErr = emit(out); emitErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	if readErr != nil && ctx.Err() == nil {
		return emit(Outcome{Source: in.Path, Err: readErr, FileErr: true})
	}
	return nil
}

// feed reads one orders file, joins each order to its tracking and its
// shop-level facts, and queues it.
func (s *Scanner) feed(ctx context.Context, in Input, queue, work chan<- *job) error {
	cache := newTraceCache(s.index.files, 8)
	return s.eachOrder(in, func(o *Order, rowErr error) error {
		j := &job{done: make(chan Outcome, 1)}
		if rowErr != nil {
			var re *RowError
			errors.As(rowErr, &re)
			j.out = Outcome{Source: in.Path, Line: re.Line, OrderID: re.OrderID, Err: rowErr}
			j.done <- j.out
		} else {
			shop := s.shopOf(o)
			j.out = Outcome{Source: in.Path, Line: o.Line, Shop: shop, OrderID: o.ID}
			trace, err := s.traceOf(o, cache)
			if err != nil {
				j.out.Err = err
				j.done <- j.out
			} else {
				j.doc, j.out.Err = s.document(o, shop, trace)
				if j.out.Err != nil {
					j.done <- j.out
				}
			}
		}
		select {
		case queue <- j:
		case <-ctx.Done():
			return ctx.Err()
		}
		if j.doc == nil {
			return nil
		}
		select {
		case work <- j:
			return nil
		case <-ctx.Done():
			// Queued but never evaluated: its outcome must still arrive,
			// or the emitter would wait for it forever.
			j.out.Err = ctx.Err()
			j.done <- j.out
			return ctx.Err()
		}
	})
}

// document builds an order's policy input; a panic is that order's error.
func (s *Scanner) document(o *Order, shop string, trace *Trace) (doc *facts.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("order %s: internal error: %v", o.ID, r)
		}
	}()
	return OrderDocument(o, shop, trace, s.index.Sharing(o.TrackingNo, o.ID, shop, o.Buyer), s.opts.Now), nil
}

// traceOf returns an order's tracking: its inline events, else the answer
// of a tracking file for its number.
func (s *Scanner) traceOf(o *Order, cache *traceCache) (*Trace, error) {
	if o.Trace != nil {
		return o.Trace, nil
	}
	ref, ok := s.index.traces[o.TrackingNo]
	if !ok || o.TrackingNo == "" {
		return nil, nil
	}
	t, err := cache.get(ref)
	if err != nil {
		return nil, fmt.Errorf("tracking for order %s: %w", o.ID, err)
	}
	return t, nil
}

func (s *Scanner) evaluate(ctx context.Context, j *job) Outcome {
	out := j.out
	found, err := s.eval(ctx, j.doc)
	if err != nil {
		out.Err = fmt.Errorf("order %s: %w", out.OrderID, err)
		return out
	}
	out.Findings = finish(found, out.OrderID, out.Source, out.Line)
	return out
}

// eval judges one document; a panic costs that document an error, never
// the scan (a worker goroutine has no caller to recover it).
func (s *Scanner) eval(ctx context.Context, doc *facts.Document) (found []finding.Finding, err error) {
	defer func() {
		if r := recover(); r != nil {
			found, err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	return s.opts.Engine.Eval(ctx, doc)
}

// finish locates findings in the orders file and fingerprints them by order
// (the scanner's fingerprint adds order id and tracking number).
func finish(found []finding.Finding, id, source string, line int) []finding.Finding {
	out := found[:0]
	for _, f := range found {
		if line > 0 {
			f.Location = &finding.Location{File: source, Line: line, Column: 1}
		}
		f.Fingerprint = finding.Fingerprint(id, source, f)
		out = append(out, f)
	}
	return out
}

// judgeListings evaluates each listing's promise counts, after every order
// has been counted.
func (s *Scanner) judgeListings(ctx context.Context, emit func(Outcome) error) error {
	for _, st := range s.index.Listings() {
		out := Outcome{Shop: st.Shop, ListingID: st.ListingID}
		found, err := s.eval(ctx, ListingDocument(st, s.opts.Now))
		if err != nil {
			out.Err = fmt.Errorf("listing %s: %w", st.ListingID, err)
		} else {
			out.Findings = finish(found, st.Shop+"/"+st.ListingID, "", 0)
		}
		if err := emit(out); err != nil {
			return err
		}
	}
	return nil
}
