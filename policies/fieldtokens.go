package policies

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// fieldTokens are the tokens of a field (arr nil where the field or its
// tokens are missing), read as the Rego of lib/names.rego reads them.
type fieldTokens struct{ arr *ast.Array }

// tokensOf are field's tokens.
func tokensOf(field *ast.Term) fieldTokens {
	arr, _ := valueOf(get(field, keyTokens)).(*ast.Array)
	return fieldTokens{arr}
}

func (toks fieldTokens) at(i int) *ast.Term {
	if i < 0 || i >= toks.arr.Len() {
		return nil
	}
	return toks.arr.Elem(i)
}

func (toks fieldTokens) text(i int) (string, error) {
	t, ok := termOf[ast.String](get(toks.at(i), keyT))
	if !ok {
		return "", errOddToken
	}
	return string(t), nil
}

// isMark is is_mark of token i's text: punctuation and symbols only.
func (toks fieldTokens) isMark(i int) (bool, error) {
	t, err := toks.text(i)
	return err == nil && markText.MatchString(t), err
}

// concat is the texts of tokens a..b (numbers.range(a, b)) in one string.
func (toks fieldTokens) concat(a, b int) (string, error) {
	var s strings.Builder
	for _, m := range numbersRange(a, b) {
		t, err := toks.text(m)
		if err != nil {
			return "", err
		}
		s.WriteString(t)
	}
	return s.String(), nil
}

// spells: concat(a, b) == name, without building the string.
func (toks fieldTokens) spells(a, b int, name string) (bool, error) {
	rest := name
	for _, m := range numbersRange(a, b) {
		t, err := toks.text(m)
		if err != nil || !strings.HasPrefix(rest, t) {
			return false, err
		}
		rest = rest[len(t):]
	}
	return rest == "", nil
}

// markBetween is mark_between: some token from a to b (a <= b) is mark.
func (toks fieldTokens) markBetween(a, b int, mark *ast.Term) bool {
	for m := a; m <= b; m++ {
		if t := get(toks.at(m), keyT); t != nil && t.Equal(mark) {
			return true
		}
	}
	return false
}
