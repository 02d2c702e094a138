package engine

import (
	"encoding/json"
	"strconv"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// Query results reach Go as JSON text written straight from the AST,
// which evalInto decodes: by default rego turns the AST into maps and
// slices, which evalInto then encoded to JSON only to decode it again, a
// tenth of judging one order.
var resultJSON = rego.EvalGenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) {
	b, err := appendJSON(jsonBuffer(), t.Value)
	return json.RawMessage(b), err
})

// resultAST leaves a query's answer as the AST it is (evalInto into an
// *ast.Value).
var resultAST = rego.EvalGenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) {
	return t, nil
})

// jsonBuffers hold the text of results already decoded: an order's
// findings take kilobytes, written anew for every order otherwise.
var jsonBuffers sync.Pool

func jsonBuffer() []byte {
	if b, ok := jsonBuffers.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return make([]byte, 0, 4096)
}

// reuseJSON hands back the text of a result nothing refers to any more.
func reuseJSON(b []byte) {
	if cap(b) <= 1<<20 {
		jsonBuffers.Put(&b)
	}
}

// appendJSON writes v as JSON: what encoding rego's own conversion of v
// gives, up to spacing and escapes, which decoding does not see.
func appendJSON(b []byte, v ast.Value) ([]byte, error) {
	switch v := v.(type) {
	case ast.Null:
		return append(b, "null"...), nil
	case ast.Boolean:
		return strconv.AppendBool(b, bool(v)), nil
	case ast.Number:
		if !json.Valid([]byte(v)) {
			return appendConverted(b, v)
		}
		return append(b, v...), nil
	case ast.String:
		return appendJSONString(b, string(v)), nil
	case *ast.Array:
		b = append(b, '[')
		var err error
		for i := range v.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendJSON(b, v.Elem(i).Value); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case ast.Object:
		return appendObject(b, v)
	}
	return appendConverted(b, v) // sets, and anything else rego converts
}

func appendObject(b []byte, obj ast.Object) ([]byte, error) {
	for _, k := range obj.Keys() {
		if _, ok := k.Value.(ast.String); !ok {
			return appendConverted(b, obj) // rego words other keys as JSON text
		}
	}
	b = append(b, '{')
	var err error
	for i, k := range obj.Keys() {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, string(k.Value.(ast.String)))
		b = append(b, ':')
		if b, err = appendJSON(b, obj.Get(k).Value); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// appendConverted writes v the way rego's default conversion would have.
func appendConverted(b []byte, v ast.Value) ([]byte, error) {
	x, err := ast.JSONWithOpt(v, ast.JSONOpt{})
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	return append(b, raw...), nil
}

// appendJSONString quotes s for JSON. Bytes that are not UTF-8 are left
// as they are: decoding turns them into U+FFFD, as encoding would have.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
