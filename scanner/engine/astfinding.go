package engine

import (
	"strconv"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// The embedded pack's findings were written as JSON text and decoded
// again: a tenth of judging an order on a busy tracking number. They are
// read from the result's AST instead, into what decoding the text gives.
// Only the shapes the pack's findings have are read so: exact keys, the
// types the fields want, UTF-8 text; any other answer is decoded from its
// JSON text as before (json.Unmarshal's rules: keys matched without case,
// null left alone, numbers refused by int fields...).

// findingsFromAST is what decoding v's JSON text into []finding.Finding
// gives; ok is false when v has a shape it leaves to the decoder.
func findingsFromAST(v ast.Value) (out []finding.Finding, ok bool) {
	arr, _ := v.(*ast.Array)
	if arr == nil {
		return nil, false
	}
	out = make([]finding.Finding, arr.Len())
	for i := range out {
		obj, _ := arr.Elem(i).Value.(ast.Object)
		if obj == nil || !readFinding(obj, &out[i]) {
			return nil, false
		}
	}
	return out, true
}

// readFinding fills f from obj, false at the first key or value that is
// not the plain shape.
func readFinding(obj ast.Object, f *finding.Finding) bool {
	ok := true
	obj.Foreach(func(k, v *ast.Term) {
		if !ok {
			return
		}
		key, _ := k.Value.(ast.String)
		switch key {
		case "rule":
			ok = readString(v, &f.Rule)
		case "severity":
			ok = readString(v, &f.Severity)
		case "message":
			ok = readString(v, &f.Message)
		case "field":
			ok = readString(v, &f.Field)
		case "evidence":
			ok = readString(v, &f.Evidence)
		case "context":
			ok = readString(v, &f.Context)
		case "suggestion":
			ok = readString(v, &f.Suggestion)
		case "fingerprint":
			ok = readString(v, &f.Fingerprint)
		case "span":
			ok = readObject(v, func(k string, t *ast.Term) bool {
				switch k {
				case "start":
					return readInt(t, &f.Span.Start)
				case "end":
					return readInt(t, &f.Span.End)
				}
				return false
			})
		case "basis":
			ok = parts.readBasis(v, &f.Basis)
		case "exposure":
			ok = parts.readExposure(v, &f.Exposure)
		case "details":
			var d any
			if d, ok = plainValue(v.Value); ok {
				f.Details, ok = d.(map[string]any)
			}
		default: // location, suppressed, or a key only the decoder reads
			ok = false
		}
	})
	return ok
}

func readBasis(t *ast.Term, b *finding.Basis) bool {
	return readObject(t, func(k string, t *ast.Term) bool {
		switch k {
		case "law":
			return readString(t, &b.Law)
		case "penalty":
			return readString(t, &b.Penalty)
		case "link":
			return readString(t, &b.Link)
		case "note":
			return readString(t, &b.Note)
		case "confirmed":
			return readBool(t, &b.Confirmed)
		}
		return false
	})
}

func readExposure(t *ast.Term, x *finding.Exposure) bool {
	return readObject(t, func(k string, t *ast.Term) bool {
		switch k {
		case "punitive_cny":
			return readFloat(t, &x.PunitiveCNY)
		case "platform_cny":
			return readFloat(t, &x.PlatformCNY)
		case "points":
			return readFloat(t, &x.Points)
		case "confirmed":
			return readBool(t, &x.Confirmed)
		case "fine_cny":
			arr, _ := t.Value.(*ast.Array)
			return arr != nil && arr.Len() == len(x.FineCNY) &&
				readFloat(arr.Elem(0), &x.FineCNY[0]) && readFloat(arr.Elem(1), &x.FineCNY[1])
		case "basis":
			return readStrings(t, &x.Basis)
		}
		return false
	})
}

func readStrings(t *ast.Term, dst *[]string) bool {
	arr, _ := t.Value.(*ast.Array)
	if arr == nil {
		return false
	}
	*dst = make([]string, arr.Len())
	for i := range *dst {
		if !readString(arr.Elem(i), &(*dst)[i]) {
			return false
		}
	}
	return true
}

// readObject reads an object key by key; read says whether it took one.
func readObject(t *ast.Term, read func(key string, v *ast.Term) bool) bool {
	obj, _ := t.Value.(ast.Object)
	if obj == nil {
		return false
	}
	ok := true
	obj.Foreach(func(k, v *ast.Term) {
		key, isString := k.Value.(ast.String)
		ok = ok && isString && read(string(key), v)
	})
	return ok
}

func readString(t *ast.Term, dst *string) bool {
	s, ok := t.Value.(ast.String)
	if !ok || !utf8.ValidString(string(s)) { // decoding would make U+FFFD of bad bytes
		return false
	}
	*dst = string(s)
	return true
}

func readBool(t *ast.Term, dst *bool) bool {
	b, ok := t.Value.(ast.Boolean)
	*dst = bool(b)
	return ok
}

// readInt reads a number as decoding does into an int: digits only.
func readInt(t *ast.Term, dst *int) bool {
	n, ok := t.Value.(ast.Number)
	if !ok {
		return false
	}
	i, err := strconv.ParseInt(string(n), 10, 0)
	*dst = int(i)
	return err == nil
}

func readFloat(t *ast.Term, dst *float64) bool {
	n, ok := t.Value.(ast.Number)
	if !ok {
		return false
	}
	f, ok := jsonFloat(n)
	*dst = f
	return ok
}

// jsonFloat is a number as decoding its JSON text gives it; false for
// text that is not a JSON number (JSON text then has rego's conversion).
func jsonFloat(n ast.Number) (float64, bool) {
	if !isJSONNumber(string(n)) {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(n), 64)
	return f, err == nil
}

// plainValue is v as decoding its JSON text into an any gives it.
func plainValue(v ast.Value) (any, bool) {
	switch v := v.(type) {
	case ast.Null:
		return nil, true
	case ast.Boolean:
		return bool(v), true
	case ast.Number:
		return jsonFloat(v)
	case ast.String:
		return string(v), utf8.ValidString(string(v))
	case *ast.Array:
		out := make([]any, v.Len())
		for i := range out {
			x, ok := plainValue(v.Elem(i).Value)
			if !ok {
				return nil, false
			}
			out[i] = x
		}
		return out, true
	case ast.Object:
		out := make(map[string]any, v.Len())
		ok := true
		v.Foreach(func(k, t *ast.Term) {
			key, isString := k.Value.(ast.String)
			if !ok || !isString || !utf8.ValidString(string(key)) {
				ok = false
				return
			}
			out[string(key)], ok = plainValue(t.Value)
		})
		return out, ok
	case ast.Set:
		return plainSet(v)
	}
	return nil, false // the rest: rego's conversion, then the decoder
}

// plainSet is a set as decoding its JSON text gives it: rego writes a set
// as the array of its elements in their sorted order, the order Foreach
// visits them. Findings that name word classes or products in details
// (sets) were decoded from JSON text otherwise.
func plainSet(s ast.Set) (any, bool) {
	out := make([]any, 0, s.Len())
	ok := true
	s.Foreach(func(t *ast.Term) {
		if !ok {
			return
		}
		var x any
		x, ok = plainValue(t.Value)
		out = append(out, x)
	})
	return out, ok
}

// isJSONNumber reports whether s is a number in JSON's grammar.
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = digits(s, i)
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		if j := digits(s, i+1); j > i+1 {
			i = j
		} else {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(s, i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(s)
}

func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}
