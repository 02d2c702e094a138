package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// The shipment rules were rewritten for speed (issue 17, round five): the
// finding object written out in shipping-fake and shipping-late, cheaper
// helpers, and the memo giving up numbers whose orders all differ. The
// policies as they were before (testdata/shipping-396b120, frozen) are the
// oracle: on realistic varied orders, most of them on one tracking number,
// the engine must give every order the very findings they give.
func TestShipmentRulesJudgeAsBefore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.json")
	n := writeVariedOrders(t, path, 1200)
	ctx := context.Background()
	e, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := preparedWithModules(t, "testdata/shipping-396b120", map[string]string{
		"lib/shipping.rego":                      "lib_shipping.rego",
		"rules/shipping_fake/shipping_fake.rego": "shipping_fake.rego",
		"rules/shipping_late/shipping_late.rego": "shipping_late.rego",
	})
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	src := shipments.NewSource([]shipments.Input{{Path: path, Kind: shipments.InputOrdersJSON}}, shipments.Options{Now: now})
	orders, found, rules := 0, 0, map[string]int{}
	for it := range src.Items(ctx) {
		if it.Err != nil {
			t.Fatalf("%s:%d: %v", it.Source, it.Line, it.Err)
		}
		orders++
		got, err := e.Eval(ctx, it.Doc)
		input, errIn := e.Input(it.Doc)
		if errIn != nil {
			t.Fatal(errIn)
		}
		var raw json.RawMessage
		errOld := evalInto(ctx, before, &raw, rego.EvalParsedInput(input))
		want, errDec := decodeFindings(raw)
		if errOld == nil {
			errOld = errDec
		}
		if _, none := e.Skipped(it.Doc); none {
			want = []finding.Finding{} // never evaluated: no rule has its facts
		}
		if g, w := asJSON(t, got, err), asJSON(t, want, errOld); g != w {
			t.Errorf("order %q: findings differ from the policies before\n now: %s\nthen: %s", it.OrderID, g, w)
		}
		for _, f := range got {
			rules[f.Rule]++
		}
		found += len(got)
	}
	t.Logf("%d orders, %d findings %v; memo served %d", orders, found, rules, e.shipMemo.served.Load())
	if orders != n || rules["shipping-fake"] < n/2 || rules["shipping-late"] < n/10 || rules["shipping-stalled"] == 0 {
		t.Errorf("%d orders of %d, findings %v: want every order, most fake, many late, some stalled", orders, n, rules)
	}
	if !e.shipMemo.hopeless(onePopularNumber) {
		t.Errorf("the memo kept masking %s, whose orders all differ", onePopularNumber)
	}
}

// preparedWithModules is the embedded pack's findings query with some
// modules (bundle paths) replaced by files of dir.
func preparedWithModules(t *testing.T, dir string, files map[string]string) rego.PreparedEvalQuery {
	t.Helper()
	emb, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	b := *emb
	b.Modules = nil
	replaced := 0
	for _, m := range emb.Modules {
		for modPath, file := range files {
			if !strings.HasSuffix(m.Path, modPath) {
				continue
			}
			raw, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := ast.ParseModuleWithOpts(m.Path, string(raw), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			m = bundle.ModuleFile{URL: m.URL, Path: m.Path, Raw: raw, Parsed: parsed}
			replaced++
		}
		b.Modules = append(b.Modules, m)
	}
	if replaced != len(files) {
		t.Fatalf("replaced %d modules of %d", replaced, len(files))
	}
	pq, err := prepare(context.Background(), "data.xiaoer.main.findings", withBundle(&b, SafeCapabilities()))
	if err != nil {
		t.Fatal(err)
	}
	return pq
}

// onePopularNumber carries most of the varied orders.
const onePopularNumber = "YT0000000001"

type variedOrder struct {
	ID       string         `json:"order_id"`
	Platform string         `json:"platform"`
	Buyer    string         `json:"buyer"`
	Amount   float64        `json:"amount"`
	Paid     string         `json:"paid_at"`
	Promised float64        `json:"promised_ship_hours,omitempty"`
	Shipped  string         `json:"marked_shipped_at,omitempty"`
	Carrier  string         `json:"carrier,omitempty"`
	Tracking string         `json:"tracking_no,omitempty"`
	Events   *[]variedEvent `json:"events,omitempty"` // nil: no tracking; empty: known, none
}

type variedEvent struct {
	Time string `json:"time"`
	Text string `json:"text"`
}

// writeVariedOrders writes n orders drawn with a fixed seed, as a busy
// number's are: 40 buyers, random amounts, payment times and promises
// (stated or not, 1.5 to 72 hours), shipped on time, late or not at all,
// with or without a carrier, most on one tracking number, and tracking
// that is absent, empty, a late pickup, a stall or older than the payment.
func writeVariedOrders(t *testing.T, path string, n int) int {
	t.Helper()
	const layout = "2006-01-02 15:04:05"
	r := rand.New(rand.NewPCG(5, 2026))
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	out := make([]variedOrder, 0, n)
	for i := range n {
		promised := []float64{0, 24, 48, 72, 1.5}[r.IntN(5)]
		paid := now.Add(-time.Duration(r.IntN(200*3600)) * time.Second)
		o := variedOrder{
			ID: fmt.Sprintf("V%05d", i), Platform: pick("pdd", "pdd", "taobao", "tmall", "jd"),
			Buyer: fmt.Sprintf("buyer%d", r.IntN(40)), Amount: float64(r.IntN(90000)) / 100,
			Paid: paid.Format(layout), Promised: promised, Carrier: pick("圆通速递", "圆通速递", ""),
			Tracking: onePopularNumber,
		}
		if r.IntN(5) == 0 {
			o.Tracking = pick("", fmt.Sprintf("ZT%010d", i))
		}
		shipped := paid.Add(time.Duration(r.IntN(100*3600)) * time.Second)
		if r.IntN(6) == 0 || shipped.After(now) {
			out = append(out, o) // not shipped
			continue
		}
		o.Shipped = shipped.Format(layout)
		if r.IntN(2) == 0 {
			events := variedEvents(r, shipped, paid, now)
			o.Events = &events
		}
		out = append(out, o)
	}
	raw, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return n
}

// variedEvents is a parcel's tracking after it was marked shipped.
func variedEvents(r *rand.Rand, shipped, paid, now time.Time) []variedEvent {
	const layout = "2006-01-02 15:04:05"
	at := shipped.Add(time.Duration(r.IntN(40*3600)) * time.Second)
	if r.IntN(8) == 0 {
		at = paid.Add(-time.Hour)
	}
	texts := []string{"【义乌公司】 已揽收 取件人: 王师傅", "【义乌转运中心】 已收入", "【杭州营业部】 派件中", "已签收，感谢使用"}
	out := []variedEvent{}
	for _, text := range texts[:r.IntN(len(texts)+1)] {
		if at.After(now) {
			break
		}
		out = append(out, variedEvent{Time: at.Format(layout), Text: text})
		at = at.Add(time.Duration(r.IntN(100*3600)) * time.Second)
	}
	return out
}
