package scanner

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// toAST converts the document for EvalParsedInput, which then skips OPA's
// own reflection-based conversion. The token arrays, most of a document,
// are built as AST values directly; the rest goes through JSON once.
func toAST(doc *facts.Document) (ast.Value, error) {
	if doc.Listing == nil {
		return jsonToAST(doc)
	}
	listing := *doc.Listing
	listing.Fields = make(map[string]facts.Field, len(doc.Listing.Fields))
	for name, f := range doc.Listing.Fields {
		f.Tokens = nil
		listing.Fields[name] = f
	}
	shallow := *doc
	shallow.Listing = &listing
	v, err := jsonToAST(&shallow)
	if err != nil {
		return nil, err
	}
	fields, ok := fieldsOf(v)
	if !ok {
		return nil, fmt.Errorf("encode input document: no listing fields")
	}
	for name, f := range doc.Listing.Fields {
		field, ok := fields.Get(ast.StringTerm(name)).Value.(ast.Object)
		if !ok {
			return nil, fmt.Errorf("encode input document: field %s", name)
		}
		field.Insert(ast.StringTerm("tokens"), ast.NewTerm(tokensAST(f.Tokens)))
	}
	return v, nil
}

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

// fieldsOf is input.listing.fields of a converted document.
func fieldsOf(v ast.Value) (ast.Object, bool) {
	t, err := v.Find(ast.Ref{ast.StringTerm("listing"), ast.StringTerm("fields")})
	if err != nil {
		return nil, false
	}
	obj, ok := t.(ast.Object)
	return obj, ok
}

var (
	keyT = ast.StringTerm("t")
	keyS = ast.StringTerm("s")
	keyE = ast.StringTerm("e")
)

func tokensAST(toks []facts.Token) *ast.Array {
	terms := make([]*ast.Term, len(toks))
	for i, tok := range toks {
		terms[i] = ast.ObjectTerm(
			ast.Item(keyT, ast.StringTerm(tok.T)),
			ast.Item(keyS, ast.IntNumberTerm(tok.S)),
			ast.Item(keyE, ast.IntNumberTerm(tok.E)),
		)
	}
	return ast.NewArray(terms...)
}
