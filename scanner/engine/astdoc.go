package engine

import (
	"fmt"
	"reflect"
	"sync"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// toAST converts the document for EvalParsedInput, which then skips OPA's
// own conversion (a JSON round trip): astTerm builds it directly, and the
// token arrays, most of a listing's document, have a path of their own.
func toAST(doc *facts.Document) (ast.Value, error) {
	t, err := astTerm(reflect.ValueOf(doc))
	if err != nil {
		return nil, fmt.Errorf("encode input document: %w", err)
	}
	return t.Value, nil
}

var (
	keyT = policies.KeyTerm("t")
	keyS = policies.KeyTerm("s")
	keyE = policies.KeyTerm("e")
)

var tokensType = reflect.TypeFor[[]facts.Token]()

// tokensAST is the array of a field's tokens. Tokens are most of a
// listing's document, so the terms of one array are allocated together:
// two allocations per array instead of two per token.
func tokensAST(toks []facts.Token) *ast.Array {
	terms := make([]*ast.Term, len(toks))
	slab := make([]ast.Term, 2*len(toks))
	for i, tok := range toks {
		text, obj := &slab[2*i], &slab[2*i+1]
		text.Value = ast.String(tok.T)
		obj.Value = ast.NewObject(
			ast.Item(keyT, text),
			ast.Item(keyS, ast.InternedTerm(tok.S)),
			ast.Item(keyE, ast.InternedTerm(tok.E)),
		)
		terms[i] = obj
	}
	return ast.NewArray(terms...)
}

var (
	keySentences = policies.KeyTerm("sentences")
	keyTokens    = policies.KeyTerm("tokens")
	keyEnd       = policies.KeyTerm("end")
	keyFirst     = policies.KeyTerm("first") // keyText is shipast.go's
)

var (
	fieldType    = reflect.TypeFor[facts.Field]()
	sentenceType = reflect.TypeFor[facts.Sentence]()
	spanType     = reflect.TypeFor[facts.Span]()
)

// fieldAST is the term of a field, {sentences, text, tokens}, as astTerm
// converts it, made without reflection: a judged listing's title (and
// each field not shared) is converted for every listing, and its
// sentences cost more to walk by reflection than to make. Its sentences'
// terms are allocated together, as tokensAST's are. The sentences and
// the tokens are left out unless parts keeps them (partreads.go).
func fieldAST(f facts.Field, parts inputParts) (*ast.Term, error) {
	if !plainField() {
		return astTerm(reflect.ValueOf(f))
	}
	text := ast.StringTerm(f.Text)
	if !utf8.ValidString(f.Text) {
		var err error
		if text, err = jsonTerm(reflect.ValueOf(f.Text)); err != nil { // as scalarTerm: encoding/json replaces the invalid bytes
			return nil, err
		}
	}
	var buf [3][2]*ast.Term
	items := buf[:0]
	if parts&partSentences != 0 {
		items = append(items, ast.Item(keySentences, sentencesAST(f.Sentences)))
	}
	items = append(items, ast.Item(keyText, text))
	if parts&partTokens != 0 {
		tokens := ast.NullTerm()
		if f.Tokens != nil {
			tokens = ast.NewTerm(tokensAST(f.Tokens))
		}
		items = append(items, ast.Item(keyTokens, tokens))
	}
	return ast.ObjectTerm(items...), nil
}

// sentencesAST is the array of a field's sentences: {e, end, first, s},
// end and first left out when nil (omitempty).
func sentencesAST(sents []facts.Sentence) *ast.Term {
	switch {
	case sents == nil:
		return ast.NullTerm()
	case len(sents) == 0:
		return ast.InternedEmptyArray
	}
	terms := make([]*ast.Term, len(sents))
	slab := make([]ast.Term, len(sents))
	for i, sp := range sents {
		var buf [4][2]*ast.Term
		items := append(buf[:0], ast.Item(keyE, ast.InternedTerm(sp.E)))
		if sp.End != nil {
			items = append(items, ast.Item(keyEnd, ast.InternedTerm(*sp.End)))
		}
		if sp.First != nil {
			items = append(items, ast.Item(keyFirst, ast.InternedTerm(*sp.First)))
		}
		items = append(items, ast.Item(keyS, ast.InternedTerm(sp.S)))
		slab[i].Value = ast.NewObject(items...)
		terms[i] = &slab[i]
	}
	return ast.ArrayTerm(terms...)
}

// plainField: neither a field, a sentence nor a span marshals itself, so
// fieldAST's objects are what astTerm makes of them. The types are fixed
// when the binary is built: asked once, not for every field.
var plainField = sync.OnceValue(func() bool {
	return marshalingOf(fieldType) == marshalsNot && marshalingOf(sentenceType) == marshalsNot &&
		marshalingOf(spanType) == marshalsNot
})

var (
	documentType = reflect.TypeFor[facts.Document]()
	listingType  = reflect.TypeFor[facts.ListingFacts]()
)

// plainDocument: neither a document nor its listing marshals itself, so
// their objects are their fields' items (what listingInput builds on).
func plainDocument() bool {
	return marshalingOf(documentType) == marshalsNot && marshalingOf(listingType) == marshalsNot
}

var keyFields = policies.KeyTerm("fields")

// listingInput is a listing's document as toAST converts it (its fields'
// terms shared through shared, fieldterms.go; its fields and fact arrays
// holding the parts of parts), with the lexicon item added to its listing object (none: a nil
// key) and the rules item to the top object (replacing any of the same
// key). Each object is made once, with
// all its items: converting the document, then making its two largest
// objects again with the items added, cost a judged listing twice their
// bytes.
func listingInput(doc *facts.Document, lexicon, rules [2]*ast.Term, shared *fieldTerms, parts inputParts) (ast.Value, error) {
	// The items replaced are left out by name as the struct's are walked:
	// looking for them in the items made compared every key again.
	lexiconKey, rulesKey := itemKey(lexicon), itemKey(rules)
	keepListing := func(f *jsonField) bool {
		return f.name != "fields" && f.name != lexiconKey && parts.keepsListingItem(f)
	}
	listing, err := structItems(reflect.ValueOf(doc.Listing).Elem(), keepListing, 2, shared)
	if err != nil {
		return nil, fmt.Errorf("encode input document: listing: %w", err)
	}
	fields, err := fieldsTerm(doc.Listing.Fields, shared, parts)
	if err != nil {
		return nil, fmt.Errorf("encode input document: listing: fields: %w", err)
	}
	listing = append(listing, ast.Item(keyFields, fields))
	keepTop := func(f *jsonField) bool { return f.name != "listing" && f.name != rulesKey }
	top, err := structItems(reflect.ValueOf(doc).Elem(), keepTop, 2, shared)
	if err != nil {
		return nil, fmt.Errorf("encode input document: %w", err)
	}
	if lexicon[0] != nil {
		listing = append(listing, lexicon)
	}
	top = append(top, ast.Item(keyListing, ast.ObjectTerm(listing...)), rules)
	return ast.NewObject(top...), nil
}

// itemKey is the string of an item's key, "" for none (nil) or a key of
// another type, which no struct field's name equals.
func itemKey(item [2]*ast.Term) string {
	if item[0] == nil {
		return ""
	}
	k, _ := item[0].Value.(ast.String)
	return string(k)
}
