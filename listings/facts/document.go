// Package facts turns a Listing into the policy input document: the fields'
// text with tokens and sentences (byte offsets into the original text), and the
// facts the rules judge (fibre composition, down specification, numbers,
// promises). Go extracts facts; Rego judges them.
package facts

import (
	"sort"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// SchemaVersion is the version of the policy input document.
const SchemaVersion = 1

// Document is the policy input document (policies/schema/input.json).
type Document struct {
	Kind     string        `json:"kind"` // listing | shipment
	Version  int           `json:"version"`
	Listing  *ListingFacts `json:"listing,omitempty"`
	Shipment any           `json:"shipment,omitempty"`
	Context  Context       `json:"context"`
}

// Context is what a rule may need beyond the document itself.
type Context struct {
	Platform string `json:"platform"`
	Now      string `json:"now"`            // RFC 3339, Asia/Shanghai
	Shop     any    `json:"shop,omitempty"` // shop-level facts (shipments)
}

// ListingFacts is one listing as the policies see it.
type ListingFacts struct {
	ID          string               `json:"id"`
	Platform    string               `json:"platform"`
	Source      string               `json:"source"`
	URL         string               `json:"url,omitempty"`
	Category    string               `json:"category,omitempty"`
	Price       *PriceFact           `json:"price,omitempty"`
	Fields      map[string]Field     `json:"fields"`
	Attributes  []listings.Attribute `json:"attributes"`
	Composition []Fiber              `json:"composition"`
	FiberClaims []FiberClaim         `json:"fiber_claims"`
	Down        *Down                `json:"down,omitempty"`
	DownClaims  []DownClaim          `json:"down_claims"`
	Numbers     []Number             `json:"numbers"`
	Promises    []Promise            `json:"promises"`
}

// PriceFact is the listing price; Amount is the highest of a range, the
// figure a punitive claim is computed from.
type PriceFact struct {
	Amount   float64 `json:"amount"`
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
	Currency string  `json:"currency"`
}

// Field is one text field with its tokens and sentences.
type Field struct {
	Text      string     `json:"text"`
	Tokens    []Token    `json:"tokens"`
	Sentences []Sentence `json:"sentences"`
	// normal is Text normalised as cutting normalised it, kept for the
	// figures and the promises (normalFieldsOf), which read it again;
	// no origin when the field was not cut by a Builder.
	normal normalText
}

// Sentence is a sentence's span with the tokens it holds: First is the
// index of its first token, End the index of the first token after it
// (the token count at the end of the field). Rules read them instead of
// indexing every token by offset; nil when built without tokens.
type Sentence struct {
	Span
	First *int `json:"first,omitempty"`
	End   *int `json:"end,omitempty"`
}

// Token is one word: T is its normalised form (half-width, simplified,
// lower-case ASCII); S and E are byte offsets into the field's original text.
type Token struct {
	T string `json:"t"`
	S int    `json:"s"`
	E int    `json:"e"`
}

// Span is a byte range [S, E) in a field's text.
type Span struct {
	S int `json:"s"`
	E int `json:"e"`
}

// Field names, shared with the policies and the reporters.
const (
	FieldTitle       = "title"
	FieldSubtitle    = "subtitle"
	FieldDescription = "description"
	FieldAttributes  = "attributes"
	FieldSKUs        = "skus"
	FieldPromises    = "promises"
)

// Builder builds documents; it is safe for concurrent use when its Tokenizer is.
type Builder struct {
	Tokenizer Tokenizer
	Now       func() time.Time
	// Dodges fold the dodged spellings of the policies' words before
	// cutting (the engine's, Engine.Dodges; nil folds none).
	Dodges *Dodges
	// Memo keeps the cutting of the fields but titles that listings
	// repeat, and the facts read from them (nil: each is cut and read).
	// It holds what this Tokenizer and these Dodges made: a Builder with
	// others needs a memo of its own.
	Memo *FieldMemo
}

// Build makes the policy input document of one listing.
func (b *Builder) Build(l *listings.Listing) *Document {
	return b.BuildFrom(l, b.Fields(l))
}

// BuildFrom makes the document of a listing whose fields are already cut
// (Fields): a caller that looked at the tokens first cuts them once.
//
// The document, its listing and its price are allocated together: every
// listing has the three, and lives as long as they do.
func (b *Builder) BuildFrom(l *listings.Listing, fields map[string]Field) *Document {
	all := &struct {
		doc   Document
		facts ListingFacts
		price PriceFact
	}{}
	lf := &all.facts
	*lf = ListingFacts{
		ID: l.ID, Platform: l.Platform, Source: l.Source, URL: l.URL, Category: l.Category,
		Fields:     fields,
		Attributes: nonNil(l.Attributes),
	}
	if p, ok := priceFact(l.Price); ok {
		all.price, lf.Price = p, &all.price
	}
	copies := copyFactsOf(b.Memo, fields)
	composition, claims := fiberFacts(b.Memo, l, &copies)
	lf.Composition, lf.FiberClaims = nonNil(composition), nonNil(claims)
	lf.Down, lf.DownClaims = downFacts(l, &copies)
	lf.DownClaims = nonNil(lf.DownClaims)
	nf := normalFieldsOf(fields) // read by both
	lf.Numbers = nonNil(numbersIn(b.Memo, fields, nf))
	lf.Promises = nonNil(promisesOf(b.Memo, fields, nf))
	all.doc = Document{
		Kind: "listing", Version: SchemaVersion, Listing: lf,
		Context: Context{Platform: l.Platform, Now: b.now().Format(time.RFC3339)},
	}
	return &all.doc
}

func (b *Builder) now() time.Time {
	if b.Now != nil {
		return b.Now()
	}
	return time.Now().In(Shanghai)
}

// Shanghai is the time zone every platform works in.
var Shanghai = time.FixedZone("CST", 8*3600)

// Fields are the listing's text fields with their tokens and sentences;
// the fields but the title are the memo's when b has one (Memo).
//
// The texts are read off the listing's array of them: a list made to
// hold them was an allocation a listing.
func (b *Builder) Fields(l *listings.Listing) map[string]Field {
	texts := allFieldTexts(l)
	out := make(map[string]Field, countWithText(texts))
	for _, t := range texts {
		switch {
		case t.Text == "":
		case b.Memo != nil && t.Name != FieldTitle:
			out[t.Name] = b.Memo.field(b, t.Text)
		default:
			out[t.Name] = b.cut(t.Text)
		}
	}
	return out
}

// FieldText is the text of one field of a listing, before tokenizing.
type FieldText struct{ Name, Text string }

// FieldTexts are the listing's fields that hold text: the texts that
// Build tokenizes and the extractors read.
//
// The list is made to its length: a title list's listing has one text,
// and the gate asks for them of every listing.
func FieldTexts(l *listings.Listing) []FieldText {
	texts := allFieldTexts(l)
	return appendWithText(make([]FieldText, 0, countWithText(texts)), texts)
}

// countWithText is the number of texts that are not empty.
func countWithText(texts [6]FieldText) int {
	n := 0
	for _, t := range texts {
		if t.Text != "" {
			n++
		}
	}
	return n
}

// AppendFieldTexts appends FieldTexts(l) to dst: a caller that reads the
// texts of one listing after another keeps one list. A listing without
// attributes, SKUs or promises (each of a title list: the gate asks of
// every one) has its own strings for texts, nothing to join.
func AppendFieldTexts(dst []FieldText, l *listings.Listing) []FieldText {
	if len(l.Attributes) > 0 || len(l.SKUs) > 0 || len(l.Promises) > 0 {
		return appendWithText(dst, allFieldTexts(l))
	}
	for _, t := range [...]FieldText{{FieldTitle, l.Title}, {FieldSubtitle, l.Subtitle}, {FieldDescription, l.Description}} {
		if t.Text != "" {
			dst = append(dst, t)
		}
	}
	return dst
}

func allFieldTexts(l *listings.Listing) [6]FieldText {
	return [...]FieldText{
		{FieldTitle, l.Title},
		{FieldSubtitle, l.Subtitle},
		{FieldDescription, l.Description},
		{FieldAttributes, AttributeText(l.Attributes)},
		{FieldSKUs, joinLines(l.SKUs)},
		{FieldPromises, joinLines(l.Promises)},
	}
}

func appendWithText(dst []FieldText, texts [6]FieldText) []FieldText {
	for _, t := range texts {
		if t.Text != "" {
			dst = append(dst, t)
		}
	}
	return dst
}

// cut is the field of text: its normal text, tokens and sentences.
func (b *Builder) cut(text string) Field {
	f := Field{Text: text}
	if b.Tokenizer != nil && text != "" {
		f.normal = normalOf(text)
		f.Tokens = tokenizeNormal(b.Tokenizer, b.Dodges, f.normal)
	}
	f.Tokens = nonNil(f.Tokens)
	f.Sentences = nonNil(sentencesOver(Sentences(text), f.Tokens))
	return f
}

// sentencesOver joins sentences to tokens: each gets the index of the
// first token at or after its start and of the first at or after its end.
// The indexes are allocated together, not two allocations a sentence.
func sentencesOver(spans []Span, toks []Token) []Sentence {
	out := make([]Sentence, len(spans))
	bounds := make([]int, 2*len(spans))
	for i, sp := range spans {
		first, end := &bounds[2*i], &bounds[2*i+1]
		*first, *end = firstTokenFrom(toks, sp.S), firstTokenFrom(toks, sp.E)
		out[i] = Sentence{Span: sp, First: first, End: end}
	}
	return out
}

// firstTokenFrom is the index of the first token starting at or after
// byte offset, or len(toks) when none does (tokens are in text order).
func firstTokenFrom(toks []Token, offset int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].S >= offset })
}

// priceFact is the listing's price, or false when it has none.
func priceFact(p listings.Price) (PriceFact, bool) {
	if p.Min == 0 && p.Max == 0 {
		return PriceFact{}, false
	}
	cur := p.Currency
	if cur == "" {
		cur = "CNY"
	}
	return PriceFact{Amount: p.Highest(), Min: p.Min, Max: max(p.Max, p.Min), Currency: cur}, true
}

// nonNil keeps empty lists as [] in JSON, so policies never meet null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
