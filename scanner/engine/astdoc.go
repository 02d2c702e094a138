package engine

import (
	"fmt"
	"reflect"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
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
	keyT = ast.StringTerm("t")
	keyS = ast.StringTerm("s")
	keyE = ast.StringTerm("e")
)

var tokensType = reflect.TypeFor[[]facts.Token]()

func tokensAST(toks []facts.Token) *ast.Array {
	terms := make([]*ast.Term, len(toks))
	for i, tok := range toks {
		terms[i] = ast.ObjectTerm(
			ast.Item(keyT, ast.StringTerm(tok.T)),
			ast.Item(keyS, ast.InternedTerm(tok.S)),
			ast.Item(keyE, ast.InternedTerm(tok.E)),
		)
	}
	return ast.NewArray(terms...)
}
