package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Thousands of orders on one tracking number make documents that differ
// only in their order id and line: the shipment rules quote the id and
// never read the line, so those orders get the same findings but for the
// id. shipMemo evaluates the policies once per such group, on the document
// with a placeholder id, and gives each order that result with its own id
// in the placeholder's place. The policies stay the only judge: the memo
// holds their answer, and checks it against a real evaluation before it
// hands it out (a rule that branched on the id or the line would fail the
// check and its group is evaluated order by order).
type shipMemo struct {
	mu     sync.Mutex
	byHash map[int][]*memoEntry
	n      int
	served atomic.Int64 // orders answered from the memo
	// numbers counts, per tracking number, the groups found and the
	// orders that fell into a group already found: a number whose orders
	// all differ (other amounts, times, promises) is not masked any more.
	numbers map[string]*numberUse
}

// numberUse is how the memo fared on one tracking number.
type numberUse struct{ groups, repeats int }

// memoTrial is how many groups of a number, none of them met twice, make
// the memo give that number up: masking and keeping its orders would
// only cost time and memory.
const memoTrial = 256

// memoEntry is one group: its masked document, and once a second order
// came, the policies' answer for it and whether that answer held.
type memoEntry struct {
	key      ast.Value
	template json.RawMessage // nil until the second order of the group
	decoded  []finding.Finding
	holds    bool
}

// maxMemoEntries bounds the memo; it starts over when full.
const maxMemoEntries = 4096

// memoID stands for the order id in a group's document: plain ASCII, so
// it is quoted in the result as written, and no id a reader accepts.
const memoID = "@@xiaoer-memo-order-id@@"

var (
	keyShipment   = policies.KeyTerm("shipment")
	keyOrderID    = policies.KeyTerm("order_id")
	keyTrackingNo = policies.KeyTerm("tracking_no")
	keyLine       = policies.KeyTerm("line")
	keyContext    = policies.KeyTerm("context")
	keyShop       = policies.KeyTerm("shop")
	keySharedWith = policies.KeyTerm("shared_with")
)

func newShipMemo() *shipMemo {
	return &shipMemo{byHash: map[int][]*memoEntry{}, numbers: map[string]*numberUse{}}
}

// hopeless reports whether the memo gave up on the tracking number.
func (m *shipMemo) hopeless(number string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	u := m.numbers[number]
	return u != nil && u.repeats == 0 && u.groups >= memoTrial
}

// count notes a group found (fresh) or met again for a tracking number.
func (m *shipMemo) count(number string, fresh bool) {
	u := m.numbers[number]
	if u == nil {
		if len(m.numbers) >= maxMemoEntries {
			clear(m.numbers)
		}
		u = &numberUse{}
		m.numbers[strings.Clone(number)] = u
	}
	if fresh {
		u.groups++
		if u.groups == memoTrial && u.repeats == 0 {
			clear(m.byHash) // the groups kept are mostly that number's
			m.n = 0
		}
	} else {
		u.repeats++
	}
}

// trackingNo is the input order's tracking number, "" when it has none.
func trackingNo(input ast.Value) string {
	top, _ := input.(ast.Object)
	if top == nil {
		return ""
	}
	ship, _ := termValue(top.Get(keyShipment)).(ast.Object)
	if ship == nil {
		return ""
	}
	s, _ := termValue(ship.Get(keyTrackingNo)).(ast.String)
	return string(s)
}

// masked is the input with the order id replaced by memoID and the line
// left out, and the order's id; ok is false for an input the memo leaves
// alone: not an order on a number other orders share, or no id.
func masked(input ast.Value) (key ast.Value, id string, ok bool) {
	top, _ := input.(ast.Object)
	if top == nil || !sharesNumber(top) {
		return nil, "", false
	}
	ship, _ := termValue(top.Get(keyShipment)).(ast.Object)
	if ship == nil {
		return nil, "", false
	}
	s, _ := termValue(ship.Get(keyOrderID)).(ast.String)
	if s == "" || strings.Contains(string(s), memoID) || !utf8.ValidString(string(s)) {
		return nil, "", false
	}
	var items [][2]*ast.Term
	ship.Foreach(func(k, v *ast.Term) {
		switch {
		case k.Equal(keyLine):
		case k.Equal(keyOrderID):
			items = append(items, ast.Item(k, ast.StringTerm(memoID)))
		default:
			items = append(items, ast.Item(k, v))
		}
	})
	return withItems(top, ast.Item(keyShipment, ast.NewTerm(ast.NewObject(items...)))), string(s), true
}

// sharesNumber reports whether the input lists other orders on its
// tracking number: only those come in groups.
func sharesNumber(top ast.Object) bool {
	ctx, _ := termValue(top.Get(keyContext)).(ast.Object)
	if ctx == nil {
		return false
	}
	shop, _ := termValue(ctx.Get(keyShop)).(ast.Object)
	if shop == nil {
		return false
	}
	shared, _ := termValue(shop.Get(keySharedWith)).(*ast.Array)
	return shared != nil && shared.Len() > 0
}

func termValue(t *ast.Term) ast.Value {
	if t == nil {
		return nil
	}
	return t.Value
}

// entry finds or adds the group of key, an order on the tracking number.
func (m *shipMemo) entry(key ast.Value, number string) (e *memoEntry, fresh bool) {
	h := key.Hash()
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range m.byHash[h] {
		if e.key.Compare(key) == 0 {
			m.count(number, false)
			return e, false
		}
	}
	m.count(number, true)
	if m.n >= maxMemoEntries {
		clear(m.byHash)
		m.n = 0
	}
	e = &memoEntry{key: key}
	m.byHash[h] = append(m.byHash[h], e)
	m.n++
	return e, true
}

func (m *shipMemo) read(e *memoEntry) ([]finding.Finding, bool, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return e.decoded, e.template != nil, e.holds
}

func (m *shipMemo) settle(e *memoEntry, template json.RawMessage, decoded []finding.Finding, holds bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e.template == nil {
		e.template, e.decoded, e.holds = template, decoded, holds
	}
}

// evalFindings is the embedded pack's findings for input: from the memo
// when the input's group has a checked answer. The first order of a group
// is evaluated as it is (most groups have one order); the second is
// evaluated as it is and masked, and the masked answer, its id put back,
// must be the real answer byte for byte, and decoded, to serve the rest.
func (e *Engine) evalFindings(ctx context.Context, input ast.Value) ([]finding.Finding, error) {
	found, later, err := e.memoFindings(ctx, input)
	if later {
		return e.evalDecoded(ctx, input)
	}
	return found, err
}

// memoFindings is evalFindings but for the orders that are evaluated as
// they are (later true): it leaves those to its caller (evalDecoded), so
// a batch can evaluate them together (shipbatch.go).
func (e *Engine) memoFindings(ctx context.Context, input ast.Value) (found []finding.Finding, later bool, err error) {
	if e.shipMemo == nil {
		return nil, true, nil
	}
	number := trackingNo(input)
	if e.shipMemo.hopeless(number) {
		return nil, true, nil
	}
	key, id, ok := masked(input)
	if !ok {
		return nil, true, nil
	}
	ent, fresh := e.shipMemo.entry(key, number)
	decoded, settled, holds := e.shipMemo.read(ent)
	if settled && holds {
		e.shipMemo.served.Add(1)
		return findingsWithID(decoded, id), false, nil
	}
	if fresh || settled {
		return nil, true, nil
	}
	var real, template json.RawMessage
	if err := e.evalPack(ctx, e.findings, &real, input); err != nil {
		return nil, false, err
	}
	if found, err = decodeFindings(real); err != nil {
		return nil, false, err
	}
	if err := e.evalPack(ctx, e.findings, &template, key); err != nil {
		e.shipMemo.settle(ent, json.RawMessage{}, nil, false) // the group is not served
		return found, false, nil
	}
	decoded, err = decodeFindings(template)
	holds = err == nil && bytes.Equal(withID(template, id), real) &&
		reflect.DeepEqual(findingsWithID(decoded, id), found)
	e.shipMemo.settle(ent, template, decoded, holds)
	return found, false, nil
}

// evalDecoded evaluates the embedded pack on input.
// The findings are read from the answer's AST (astfinding.go), or
// decoded from its JSON text when they have a shape only the decoder reads.
func (e *Engine) evalDecoded(ctx context.Context, input ast.Value) ([]finding.Finding, error) {
	pq := &e.findings
	if lq := e.ruleQueries.forInput(ctx, input); lq != nil {
		if found, ok, err := e.evalWrapped(ctx, lq, input); ok || err != nil {
			return found, err
		}
		pq = &lq.findings
	}
	return e.evalQueryDecoded(ctx, *pq, input)
}

// evalQueryDecoded evaluates pq, a findings query, on input.
func (e *Engine) evalQueryDecoded(ctx context.Context, pq rego.PreparedEvalQuery, input ast.Value) ([]finding.Finding, error) {
	var answer ast.Value
	if err := e.evalPack(ctx, pq, &answer, input); err != nil {
		return nil, err
	}
	if found, ok := findingsFromAST(answer); ok {
		return found, nil
	}
	raw, err := appendJSON(jsonBuffer(), answer)
	if err != nil {
		return nil, fmt.Errorf("evaluate policies: %w", err)
	}
	found, err := decodeFindings(raw)
	reuseJSON(raw) // decoding copies what it keeps
	return found, err
}

func decodeFindings(raw json.RawMessage) ([]finding.Finding, error) {
	var found []finding.Finding
	if err := json.Unmarshal(raw, &found); err != nil {
		return nil, fmt.Errorf("policy findings: %w", err)
	}
	return found, nil
}

// withID is a masked answer with the order's id in memoID's place.
func withID(template json.RawMessage, id string) json.RawMessage {
	quoted := appendJSONString(nil, id)
	return bytes.ReplaceAll(template, []byte(memoID), quoted[1:len(quoted)-1])
}
