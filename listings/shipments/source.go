package shipments

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/fileread"
)

// Options configures how orders are read.
type Options struct {
	Now  time.Time // the time rules judge "still not picked up" against; zero: time.Now()
	Shop string    // shop name for orders that do not name one; "" means "default"
}

// DefaultShop names the shop of orders that name none when Options.Shop is
// empty.
const DefaultShop = "default"

// Item is one thing to judge: an order's document, one listing's promise
// document, or an input that could not be read (Err set, Doc nil).
type Item struct {
	Source    string // the orders file (or tracking file, for file errors); "" for listings
	Line      int    // the order's line in its file; 0 for listings and file errors
	Shop      string
	OrderID   string // "" for listing items and file errors
	ListingID string // set for listing items
	Doc       *facts.Document
	Err       error
	FileErr   bool // Err stopped the whole file, not one order
}

// Source reads a set of orders and tracking files in two passes and hands
// out one document per order and per listing promise.
type Source struct {
	opts   Options
	inputs []Input
	index  *Index
}

// NewSource prepares the inputs (see Sniff); nothing is read yet.
func NewSource(inputs []Input, opts Options) *Source {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	opts.Now = opts.Now.In(facts.Shanghai)
	if opts.Shop == "" {
		opts.Shop = DefaultShop
	}
	return &Source{opts: opts, inputs: inputs, index: newIndex(opts.Now)}
}

// Inputs lists the files of the source and what each holds.
func (s *Source) Inputs() []Input { return s.inputs }

// Index is the shop-level index, complete once the first item was handed out.
func (s *Source) Index() *Index { return s.index }

// Items makes both passes and yields every item in input order: file
// errors, then each order of each orders file (a file that breaks off
// midway ends with its error), then each listing's promise. It stops when
// yield returns false or ctx is done.
func (s *Source) Items(ctx context.Context) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		bad := s.buildIndex(ctx)
		if ctx.Err() != nil {
			return
		}
		for _, it := range bad {
			if !yield(it) {
				return
			}
		}
		for _, in := range s.inputs {
			if in.Err != nil || in.Kind == InputTracking || failed(bad, in.Path) {
				continue
			}
			if !s.orderItems(ctx, in, yield) {
				return
			}
		}
		for _, st := range s.index.Listings() {
			if !yield(Item{Shop: st.Shop, ListingID: st.ListingID, Doc: ListingDocument(st, s.opts.Now)}) {
				return
			}
		}
	}
}

func failed(bad []Item, path string) bool {
	for _, b := range bad {
		if b.Source == path {
			return true
		}
	}
	return false
}

// buildIndex is the first pass: every tracking file and every orders file
// is read once into the index. Files that cannot be read are returned as
// items (a bad row is reported in the second pass, with its order).
func (s *Source) buildIndex(ctx context.Context) []Item {
	var bad []Item
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
			bad = append(bad, Item{Source: in.Path, Err: err, FileErr: true})
		}
	}
	return bad
}

func (s *Source) shopOf(o *Order) string {
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
func (s *Source) eachOrder(in Input, fn func(*Order, error) error) error {
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

// orderItems is the second pass over one orders file: each order joined
// to its tracking and its shop-level facts, in file order. It reports
// whether the caller still wants items.
func (s *Source) orderItems(ctx context.Context, in Input, yield func(Item) bool) bool {
	cache := newTraceCache(s.index.files, 8)
	stopped := errors.New("stopped")
	err := s.eachOrder(in, func(o *Order, rowErr error) error {
		if !yield(s.orderItem(in, o, rowErr, cache)) {
			return stopped
		}
		return ctx.Err()
	})
	switch {
	case errors.Is(err, stopped):
		return false
	case ctx.Err() != nil:
		return false
	case err != nil:
		return yield(Item{Source: in.Path, Err: err, FileErr: true})
	}
	return true
}

func (s *Source) orderItem(in Input, o *Order, rowErr error, cache *traceCache) Item {
	if rowErr != nil {
		var re *RowError
		errors.As(rowErr, &re)
		return Item{Source: in.Path, Line: re.Line, OrderID: re.OrderID, Err: rowErr}
	}
	shop := s.shopOf(o)
	it := Item{Source: in.Path, Line: o.Line, Shop: shop, OrderID: o.ID}
	trace, err := s.traceOf(o, cache)
	if err != nil {
		it.Err = err
		return it
	}
	it.Doc, it.Err = s.document(o, shop, trace)
	return it
}

// document builds an order's policy input; a panic is that order's error.
func (s *Source) document(o *Order, shop string, trace *Trace) (doc *facts.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("order %s: internal error: %v", o.ID, r)
		}
	}()
	return orderDocument(o, shop, trace, s.index.shopFactsOf(o, shop), s.opts.Now), nil
}

// traceOf returns an order's tracking: its inline events, else the answer
// of a tracking file for its number.
func (s *Source) traceOf(o *Order, cache *traceCache) (*Trace, error) {
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
