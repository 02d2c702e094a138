package shipments

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonOrder is one order in a JSON export. Inline tracking is "events" (a
// list) or "tracking" (a whole Kuaidi100 or KDNiao answer).
type jsonOrder struct {
	OrderID           flexString      `json:"order_id"`
	Shop              flexString      `json:"shop"`
	Platform          flexString      `json:"platform"`
	ListingID         flexString      `json:"listing_id"`
	ItemID            flexString      `json:"item_id"`
	Buyer             flexString      `json:"buyer"`
	Amount            flexString      `json:"amount"`
	PaidAt            flexString      `json:"paid_at"`
	PromisedShipHours flexString      `json:"promised_ship_hours"`
	MarkedShippedAt   flexString      `json:"marked_shipped_at"`
	Carrier           flexString      `json:"carrier"`
	TrackingNo        flexString      `json:"tracking_no"`
	Events            json.RawMessage `json:"events"`
	Tracking          json.RawMessage `json:"tracking"`
	Orders            []jsonOrder     `json:"orders"` // a wrapper object {"orders": [...]}
}

func (j *jsonOrder) order(source string, line int) (*Order, error) {
	f := orderFields{
		id: string(j.OrderID), shop: string(j.Shop), platform: string(j.Platform),
		listing: first(string(j.ListingID), string(j.ItemID)), buyer: string(j.Buyer),
		amount: string(j.Amount), paidAt: string(j.PaidAt), promised: string(j.PromisedShipHours),
		shipped: string(j.MarkedShippedAt), carrier: string(j.Carrier), trackingNo: string(j.TrackingNo),
	}
	o, err := f.build(source, line)
	if err != nil {
		return nil, &RowError{Source: source, Line: line, OrderID: string(j.OrderID), Err: err}
	}
	inline := j.Events
	if len(bytes.TrimSpace(inline)) == 0 {
		inline = j.Tracking
	}
	if o.Trace, err = parseInline(inline, o.Carrier, o.TrackingNo); err != nil {
		return nil, &RowError{Source: source, Line: line, OrderID: o.ID, Err: fmt.Errorf("%s:%d: order %s: %w", source, line, o.ID, err)}
	}
	return o, nil
}

// jsonOrders streams orders from a JSON array or JSON Lines; a wrapper
// object {"orders": [...]} is read whole (use an array or JSON Lines for
// large exports).
type jsonOrders struct {
	dec     *json.Decoder
	lines   *lineCounter
	source  string
	inArray bool
	pending []*jsonOrder // orders of a wrapper object not yet returned
	pendAt  int
}

func newJSONOrders(r io.Reader, source string) (*jsonOrders, error) {
	lc := &lineCounter{r: r}
	br := bufio.NewReader(lc)
	c, skipped, err := firstByte(br)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	lc.skipped = int64(skipped)
	guard := &recordGuard{r: br, limit: MaxJSONRecordBytes, what: "JSON order"}
	j := &jsonOrders{dec: json.NewDecoder(guard), lines: lc, source: source}
	guard.offset = j.dec.InputOffset
	if c == '[' {
		if _, err := j.dec.Token(); err != nil {
			return nil, fmt.Errorf("%s: %w", source, err)
		}
		j.inArray = true
	}
	return j, nil
}

// firstByte peeks at the first byte that is not space or a BOM and says
// how many bytes it skipped to get there.
func firstByte(br *bufio.Reader) (byte, int, error) {
	skipped := 0
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0, skipped, fmt.Errorf("empty orders file: %w", err)
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			_, _ = br.ReadByte()
			skipped++
			continue
		case 0xEF:
			if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
				_, _ = br.Discard(3)
				skipped += 3
				continue
			}
		}
		return b[0], skipped, nil
	}
}

// Next returns the next order; io.EOF at the end.
func (j *jsonOrders) Next() (*Order, error) {
	if j.pendAt < len(j.pending) {
		o := j.pending[j.pendAt]
		j.pendAt++
		return o.order(j.source, 0)
	}
	if j.inArray && !j.dec.More() {
		return nil, io.EOF
	}
	var raw json.RawMessage
	if err := j.dec.Decode(&raw); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("%s:%d: %w", j.source, j.lines.lineAt(j.dec.InputOffset()), err)
	}
	// The object ends at the decoder's offset; its first line is what a
	// reader looks for.
	line := j.lines.lineAt(j.dec.InputOffset() - int64(len(raw)))
	var jo jsonOrder
	if err := json.Unmarshal(raw, &jo); err != nil {
		return nil, &RowError{Source: j.source, Line: line, Err: fmt.Errorf("%s:%d: %w", j.source, line, err)}
	}
	if len(jo.Orders) > 0 {
		j.pending = j.pending[:0]
		for i := range jo.Orders {
			j.pending = append(j.pending, &jo.Orders[i])
		}
		j.pendAt = 0
		return j.Next()
	}
	return jo.order(j.source, line)
}

// lineCounter counts lines as the decoder reads, keeping only the offsets of
// newlines it has read but not yet asked about, so line numbers cost no
// memory that grows with the file.
type lineCounter struct {
	r        io.Reader
	read     int64   // bytes read from r
	newlines []int64 // offsets of newlines not yet counted
	line     int     // lines before the last queried offset
	skipped  int64   // bytes skipped before the decoder's offset 0
}

func (l *lineCounter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			l.newlines = append(l.newlines, l.read+int64(i))
		}
	}
	l.read += int64(n)
	return n, err
}

// lineAt returns the 1-based line of the decoder's offset off; offsets
// asked about only grow. The decoder counts from the first byte it was
// handed, after firstByte skipped leading space.
func (l *lineCounter) lineAt(off int64) int {
	for len(l.newlines) > 0 && l.newlines[0] < off+l.skipped {
		l.newlines = l.newlines[1:]
		l.line++
	}
	return l.line + 1
}
