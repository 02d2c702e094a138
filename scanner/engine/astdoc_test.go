package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// TestToASTMatchesJSON: converting a document directly must give the
// input OPA's JSON round trip gives, for every fixture listing and for
// shipment documents (which hold their facts in an any).
func TestToASTMatchesJSON(t *testing.T) {
	t.Parallel()
	c := checker(t)
	var docs []*facts.Document
	for _, dir := range []string{"pages", "listings", "material"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", dir, "*"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			ls, err := listings.Parse(f, raw)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, l := range ls {
				docs = append(docs, c.Builder.Build(l))
			}
		}
	}
	if len(docs) < 15 {
		t.Fatalf("%d fixture listings: the test compares too little", len(docs))
	}
	// A shipment document carries its facts in an any (the shipments
	// package imports this one, so its own types cannot be used here).
	type event struct {
		Time string `json:"time"`
		Unix int64  `json:"unix"`
	}
	type shipment struct {
		OrderID string   `json:"order_id"`
		Amount  float64  `json:"amount"`
		Marked  bool     `json:"marked_shipped"`
		Events  []event  `json:"events"`
		Late    []string `json:"late_orders"`
		Trace   struct {
			Found bool   `json:"found"`
			State string `json:"state,omitempty"`
		} `json:"trace"`
	}
	ship := &shipment{OrderID: "o1", Amount: 99.5, Events: []event{{"2026-11-11T12:00:00+08:00", 1762833600}}, Late: []string{}}
	docs = append(docs,
		&facts.Document{Kind: "shipment", Shipment: ship, Context: facts.Context{Platform: "taobao", Shop: map[string]any{"name": "店"}}},
		&facts.Document{Kind: "listing", Listing: &facts.ListingFacts{}})
	for i, doc := range docs {
		direct, err := toAST(doc)
		if err != nil {
			t.Fatal(err)
		}
		viaJSON, err := jsonToAST(doc)
		if err != nil {
			t.Fatal(err)
		}
		if direct.Compare(viaJSON) != 0 {
			t.Errorf("document %d: direct conversion differs:\n%v\nvia JSON:\n%v", i, direct, viaJSON)
		}
	}
}

// pointerMarshaler marshals itself through a pointer receiver.
type pointerMarshaler struct{ _ int }

func (p *pointerMarshaler) MarshalJSON() ([]byte, error) { return []byte(`"custom"`), nil }

// Fields encoding/json leaves out (-, unexported, empty with omitempty),
// embedded structs, and what encoding/json writes its own way (invalid
// UTF-8, float32, small exponents, ",string", marshalers) come out as it
// writes them.
func TestASTTermFollowsJSONTags(t *testing.T) {
	t.Parallel()
	type inner struct {
		A int `json:"a"`
		B int `json:"b,omitempty"`
	}
	type quoted struct {
		N int `json:"n,string"`
	}
	type outer struct {
		inner
		Skip    string           `json:"-"`
		hidden  string           //nolint:unused // encoding/json skips it
		Name    string           `json:"name,omitempty"`
		Ptr     *int             `json:"ptr"`
		Any     any              `json:"any"`
		Nums    []float64        `json:"nums"`
		Small   float32          `json:"small"`
		Map     map[string]int   `json:"map,omitempty"`
		Price   listings.Price   `json:"price"`
		When    time.Time        `json:"when"`
		Broken  string           `json:"broken"`
		Quoted  quoted           `json:"quoted"`
		Custom  pointerMarshaler `json:"custom"`
		Address uintptr          `json:"address"`
	}
	v := &outer{inner: inner{A: 1}, Skip: "x", hidden: "y", Any: map[string]any{"k": []any{true, nil}},
		Nums: []float64{0.5, 1e21, 3, 1e-7, math.Copysign(0, -1), 0, -12, 243, 1 << 53, 1<<53 + 2, 1e15}, Small: 0.1, Broken: "a\xffb", Quoted: quoted{N: 7}, Address: 42}
	got, err := astTerm(reflect.ValueOf(v))
	if err != nil {
		t.Fatal(err)
	}
	want, err := jsonTerm(reflect.ValueOf(v))
	if err != nil {
		t.Fatal(err)
	}
	if got.Value.Compare(want.Value) != 0 || got.String() != want.String() {
		t.Errorf("astTerm = %v\nwant %v", got, want)
	}
}

// The engine's input must hash like the same value built afresh: OPA
// compares and caches by hash, and an object changed after it went into
// its parent keeps a stale one.
func TestEngineInputHashIsFresh(t *testing.T) {
	t.Parallel()
	c := checker(t)
	l := &listings.Listing{ID: "1", Source: "a.yaml", Platform: "taobao", Title: "全网最低价 纯棉T恤", Description: "追求极致，最好手洗。"}
	in, err := c.Engine.Input(c.Builder.Build(l))
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := ast.ParseTerm(in.String())
	if err != nil {
		t.Fatal(err)
	}
	if in.Compare(fresh.Value) != 0 || in.Hash() != fresh.Value.Hash() {
		t.Errorf("input hash %d, the same value built afresh %d", in.Hash(), fresh.Value.Hash())
	}
}

// jsonToAST is the document through JSON, as OPA would convert it (what
// toAST must equal).
func jsonToAST(doc *facts.Document) (ast.Value, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("encode input document: %w", err)
	}
	v, err := ast.ValueFromReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("encode input document: %w", err)
	}
	return v, nil
}

// TestFieldASTAsReflection: a field made without reflection is the term
// astTerm makes of it, for the shapes a field can take: no tokens or
// sentences (nil or empty), sentences without token indexes, large
// offsets, invalid UTF-8, and every field of the fixture listings.
func TestFieldASTAsReflection(t *testing.T) {
	t.Parallel()
	one, big := 1, 5000
	fields := []facts.Field{
		{},
		{Text: "棉T恤", Tokens: []facts.Token{}, Sentences: []facts.Sentence{}},
		{Text: "棉T恤", Tokens: []facts.Token{{T: "棉", S: 0, E: 3}, {T: "t恤", S: 3, E: 7}}},
		{Text: "a。b", Sentences: []facts.Sentence{{Span: facts.Span{S: 0, E: 4}}, {Span: facts.Span{S: 4, E: 5}, First: &one}}},
		{Text: "a", Sentences: []facts.Sentence{{Span: facts.Span{S: 0, E: big}, End: &big}, {Span: facts.Span{S: big, E: big + 1}, First: &one, End: &big}}},
		{Text: "bad \xff text", Tokens: []facts.Token{{T: "bad", S: 0, E: 3}}},
	}
	c := checker(t)
	for _, name := range []string{"jd-sweater.html", "taobao-new-dress.html", "tmall-down-jacket.gbk.html"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "pages", name))
		if err != nil {
			continue
		}
		ls, err := listings.Parse(name, raw)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			for _, f := range c.Builder.Build(l).Listing.Fields {
				fields = append(fields, f)
			}
		}
	}
	if len(fields) < 10 {
		t.Fatalf("%d fields: the fixtures hold too few", len(fields))
	}
	for i, f := range fields {
		got, err := fieldAST(f, allParts)
		if err != nil {
			t.Fatal(err)
		}
		want, err := astTerm(reflect.ValueOf(f))
		if err != nil {
			t.Fatal(err)
		}
		if got.Value.Compare(want.Value) != 0 || got.Hash() != want.Hash() || got.String() != want.String() {
			t.Errorf("field %d: made %v, by reflection %v", i, got, want)
		}
	}
}
