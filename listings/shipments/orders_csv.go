package shipments

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// columnNames maps the headers seller exports use to order fields: the
// documented English names and the Chinese ones of platform exports.
var columnNames = map[string]string{
	"order_id": "id", "订单号": "id", "订单编号": "id", "主订单编号": "id",
	"shop": "shop", "店铺": "shop", "店铺名称": "shop",
	"platform": "platform", "平台": "platform",
	"listing_id": "listing", "item_id": "listing", "商品id": "listing", "宝贝id": "listing", "商品编号": "listing",
	"buyer": "buyer", "buyer_id": "buyer", "买家": "buyer", "买家会员名": "buyer", "买家昵称": "buyer",
	"amount": "amount", "实付金额": "amount", "买家实际支付金额": "amount", "商品实付金额": "amount", "金额": "amount",
	"paid_at": "paid", "付款时间": "paid", "订单付款时间": "paid", "支付时间": "paid",
	"promised_ship_hours": "promised", "承诺发货时长": "promised", "承诺发货小时": "promised",
	"marked_shipped_at": "shipped", "发货时间": "shipped", "标记发货时间": "shipped",
	"carrier": "carrier", "快递公司": "carrier", "物流公司": "carrier",
	"tracking_no": "tracking", "运单号": "tracking", "物流单号": "tracking", "快递单号": "tracking",
	"events": "events", "tracking": "events", "物流轨迹": "events",
}

// csvOrders streams orders from a CSV export.
type csvOrders struct {
	r      *csv.Reader
	guard  *recordGuard // its record starts where the last one ended
	source string
	cols   map[string]int
}

// newCSVOrders reads the header row. Exports from Chinese seller tools are
// often GB18030 with no BOM: when the start of the file is not UTF-8 the
// whole file is decoded as GB18030.
func newCSVOrders(r io.Reader, source string) (*csvOrders, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	var in io.Reader = br
	if !utf8.Valid(trimPartialRune(head)) {
		in = simplifiedchinese.GB18030.NewDecoder().Reader(br)
	}
	guard := &recordGuard{r: in, limit: MaxCSVRecordBytes, what: "CSV record"}
	cr := csv.NewReader(guard)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", source, err)
	}
	c := &csvOrders{r: cr, source: source, cols: map[string]int{}, guard: guard}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		h = strings.TrimSuffix(strings.TrimSuffix(h, "(小时)"), "（小时）")
		if name, ok := columnNames[h]; ok {
			c.cols[name] = i
		}
	}
	if _, ok := c.cols["id"]; !ok {
		return nil, fmt.Errorf("%s: no order_id column in the header", source)
	}
	return c, nil
}

// trimPartialRune drops a UTF-8 sequence cut by the peek window.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if r, _ := utf8.DecodeLastRune(b); r != utf8.RuneError {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

// Next returns the next order; io.EOF at the end. A row that cannot be read
// is a *RowError, and the reader can go on past it.
func (c *csvOrders) Next() (*Order, error) {
	start := c.r.InputOffset()
	c.guard.offset = func() int64 { return start }
	rec, err := c.r.Read()
	if err != nil {
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			return nil, &RowError{Source: c.source, Line: perr.Line, Err: err}
		}
		return nil, err
	}
	line, _ := c.r.FieldPos(0)
	get := func(name string) string {
		if i, ok := c.cols[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	f := orderFields{
		id: get("id"), shop: get("shop"), platform: get("platform"), listing: get("listing"), buyer: get("buyer"),
		amount: get("amount"), paidAt: get("paid"), promised: get("promised"), shipped: get("shipped"),
		carrier: get("carrier"), trackingNo: get("tracking"),
	}
	o, err := f.build(c.source, line)
	if err != nil {
		return nil, &RowError{Source: c.source, Line: line, OrderID: cleanCell(f.id), Err: err}
	}
	if o.Trace, err = parseInline([]byte(get("events")), o.Carrier, o.TrackingNo); err != nil {
		return nil, &RowError{Source: c.source, Line: line, OrderID: o.ID, Err: fmt.Errorf("%s:%d: %w", c.source, line, err)}
	}
	return o, nil
}

// RowError is one order that could not be read; the rest of the file can.
type RowError struct {
	Source  string
	Line    int
	OrderID string
	Err     error
}

func (e *RowError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *RowError) Unwrap() error { return e.Err }
