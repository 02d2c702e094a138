package engine

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// astTerm converts a Go value to the AST term encoding/json would give it
// (json tags, omitempty, "-", embedded structs), without the JSON text in
// between: OPA's own conversion marshals to JSON and parses it back, which
// costs more than the policies of a small listing. Values that marshal
// themselves (time.Time, json.RawMessage) still go through JSON.
func astTerm(v reflect.Value) (*ast.Term, error) {
	if !v.IsValid() {
		return ast.NullTerm(), nil
	}
	if marshalsItself(v) {
		return jsonTerm(v)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return ast.NullTerm(), nil
		}
		return astTerm(v.Elem())
	case reflect.Struct:
		if v.Type() == shopFactsType {
			return shopFactsTerm(v) // shared by many orders (shipdoc.go)
		}
		if v.Type() == shipmentType && v.CanAddr() {
			if t, ok := shipmentTerm(v.Addr().Interface().(*shipments.Shipment)); ok {
				return t, nil // every order's facts (shipast.go)
			}
		}
		return structTerm(v)
	case reflect.Map:
		return mapTerm(v)
	case reflect.Slice, reflect.Array:
		if v.Type() == tokensType && !v.IsNil() {
			return ast.NewTerm(tokensAST(v.Interface().([]facts.Token))), nil
		}
		return sliceTerm(v)
	}
	return scalarTerm(v)
}

func scalarTerm(v reflect.Value) (*ast.Term, error) {
	switch v.Kind() {
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			return jsonTerm(v) // encoding/json replaces the invalid bytes
		}
		return ast.StringTerm(v.String()), nil
	case reflect.Bool:
		return ast.InternedTerm(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return ast.InternedTerm(int(v.Int())), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return ast.UIntNumberTerm(v.Uint()), nil
	case reflect.Float64:
		return numberValue(v.Float()) // a whole number without formatting a float
	case reflect.Float32:
		return floatTerm(v.Float(), 32)
	}
	return nil, fmt.Errorf("cannot encode a %s", v.Type())
}

// floatTerm writes a float of the given bit size as encoding/json does.
func floatTerm(f float64, bits int) (*ast.Term, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, fmt.Errorf("cannot encode %v", f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (bits == 64 && (abs < 1e-6 || abs >= 1e21) ||
		bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21)) {
		format = 'e'
	}
	s := strconv.FormatFloat(f, format, -1, bits)
	if n := len(s); format == 'e' && n >= 4 && s[n-4] == 'e' && s[n-3] == '-' && s[n-2] == '0' {
		s = s[:n-2] + s[n-1:] // 1e-07 → 1e-7
	}
	return ast.NumberTerm(json.Number(s)), nil
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// marshalsItself: v's type (or, for an addressable v, its pointer type)
// implements json.Marshaler or encoding.TextMarshaler, or is a struct with
// field options this encoder does not implement (",string", ",omitzero").
// The answer per type is cached: astTerm asks it of every value.
func marshalsItself(v reflect.Value) bool {
	if v.Kind() == reflect.Interface {
		return false
	}
	how := marshalingOf(v.Type())
	return how == marshalsValue || how == marshalsPointer && v.CanAddr()
}

type marshaling int

const (
	marshalsNot     marshaling = iota
	marshalsValue              // T itself, or a struct with unusual tags
	marshalsPointer            // only *T
)

var marshalingCache sync.Map // reflect.Type → marshaling

// predeclared are the predeclared types of each scalar kind (string,
// int, float64...): they have no methods, so they marshal as they are.
var predeclared = [...]reflect.Type{
	reflect.Bool: reflect.TypeFor[bool](), reflect.Int: reflect.TypeFor[int](), reflect.Int8: reflect.TypeFor[int8](),
	reflect.Int16: reflect.TypeFor[int16](), reflect.Int32: reflect.TypeFor[int32](), reflect.Int64: reflect.TypeFor[int64](),
	reflect.Uint: reflect.TypeFor[uint](), reflect.Uint8: reflect.TypeFor[uint8](), reflect.Uint16: reflect.TypeFor[uint16](),
	reflect.Uint32: reflect.TypeFor[uint32](), reflect.Uint64: reflect.TypeFor[uint64](), reflect.Uintptr: reflect.TypeFor[uintptr](),
	reflect.Float32: reflect.TypeFor[float32](), reflect.Float64: reflect.TypeFor[float64](),
	reflect.Complex64: reflect.TypeFor[complex64](), reflect.Complex128: reflect.TypeFor[complex128](),
	reflect.String: reflect.TypeFor[string](),
}

func marshalingOf(t reflect.Type) marshaling {
	if k := t.Kind(); k < reflect.Kind(len(predeclared)) && predeclared[k] == t {
		return marshalsNot // most values of a document: no lookup
	}
	if cached, ok := marshalingCache.Load(t); ok {
		return cached.(marshaling)
	}
	implements := func(t reflect.Type) bool { return t.Implements(jsonMarshaler) || t.Implements(textMarshaler) }
	how := marshalsNot
	switch {
	case implements(t) || t.Kind() == reflect.Struct && hasUnusualTags(t):
		how = marshalsValue
	case implements(reflect.PointerTo(t)):
		how = marshalsPointer
	}
	marshalingCache.Store(t, how)
	return how
}

func jsonTerm(v reflect.Value) (*ast.Term, error) {
	x := v.Interface()
	if v.CanAddr() {
		x = v.Addr().Interface() // so methods on *T apply, as they do for encoding/json
	}
	raw, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	val, err := ast.ValueFromReader(strings.NewReader(string(raw)))
	if err != nil {
		return nil, err
	}
	return ast.NewTerm(val), nil
}

func sliceTerm(v reflect.Value) (*ast.Term, error) {
	if v.Kind() == reflect.Slice && v.IsNil() {
		return ast.NullTerm(), nil
	}
	if v.Type().Elem().Kind() == reflect.Uint8 {
		return jsonTerm(v) // []byte is base64 text
	}
	if v.Len() == 0 {
		return ast.InternedEmptyArray, nil // a listing has half a dozen: shared, as input values are only read
	}
	terms := make([]*ast.Term, v.Len())
	for i := range terms {
		t, err := astTerm(v.Index(i))
		if err != nil {
			return nil, err
		}
		terms[i] = t
	}
	return ast.ArrayTerm(terms...), nil
}

func mapTerm(v reflect.Value) (*ast.Term, error) {
	if v.IsNil() {
		return ast.NullTerm(), nil
	}
	if v.Type().Key().Kind() != reflect.String {
		return jsonTerm(v)
	}
	items := make([][2]*ast.Term, 0, v.Len())
	iter := v.MapRange()
	for iter.Next() {
		val, err := astTerm(iter.Value())
		if err != nil {
			return nil, err
		}
		items = append(items, ast.Item(ast.StringTerm(iter.Key().String()), val))
	}
	return ast.ObjectTerm(items...), nil
}

func structTerm(v reflect.Value) (*ast.Term, error) {
	// The items go into the object by copy: gathered on the stack, they
	// cost the collector nothing (a document has a struct per sentence,
	// number and fibre). The loop is structItems' own, not shared: handed
	// to a helper, which astTerm's recursion reaches again, buf escapes.
	var buf [16][2]*ast.Term
	items := buf[:0]
	for _, f := range jsonFieldsOf(v.Type()) {
		item, ok, err := structItem(v, f, nil)
		if err != nil {
			return nil, err
		}
		if ok {
			items = append(items, item)
		}
	}
	return ast.ObjectTerm(items...), nil
}

// structItems are the items of struct v's object that keep keeps (by
// name), with room for extra more, the facts in its fields shared
// through shared (factterms.go; nil: made for v alone).
func structItems(v reflect.Value, keep func(f *jsonField) bool, extra int, shared *fieldTerms) ([][2]*ast.Term, error) {
	fields := jsonFieldsOf(v.Type())
	items := make([][2]*ast.Term, 0, len(fields)+extra)
	for k := range fields {
		f := &fields[k]
		if !keep(f) {
			continue
		}
		item, ok, err := structItem(v, *f, shared)
		if err != nil {
			return nil, err
		}
		if ok {
			items = append(items, item)
		}
	}
	return items, nil
}

// structItem is field f of struct v as an item, and false when
// encoding/json leaves it out; the facts in it are shared through shared
// (nil: made for v alone).
func structItem(v reflect.Value, f jsonField, shared *fieldTerms) ([2]*ast.Term, bool, error) {
	fv, ok := fieldByIndex(v, f.index)
	if !ok || (f.omitEmpty && isEmptyValue(fv)) {
		return [2]*ast.Term{}, false, nil
	}
	val, err := shared.factsValue(fv)
	if err != nil {
		return [2]*ast.Term{}, false, fmt.Errorf("%s: %w", f.name, err)
	}
	return ast.Item(f.key, val), true, nil
}

// fieldByIndex is v.FieldByIndex, false where an embedded pointer is nil.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return v, false
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

// isEmptyValue is encoding/json's test for omitempty.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// jsonField is a struct field as encoding/json writes it.
type jsonField struct {
	name      string
	key       *ast.Term
	index     []int
	omitEmpty bool
	part      inputParts // the part its item is in a listing (factParts; 0: none)
}

var jsonFieldCache sync.Map // reflect.Type → []jsonField

// hasUnusualTags: a field of struct type t has a json option other than
// omitempty.
func hasUnusualTags(t reflect.Type) bool {
	for i := range t.NumField() {
		_, opts, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		for _, opt := range strings.Split(opts, ",") {
			if opt != "" && opt != "omitempty" {
				return true
			}
		}
	}
	return false
}

// jsonFieldsOf lists the fields encoding/json writes for struct type t,
// sorted by name, with untagged embedded structs flattened. A struct's own
// field wins over an embedded one of the same name, as in encoding/json;
// clashes between embedded structs (which encoding/json resolves by depth,
// or drops) do not occur in the types this package encodes, and the first
// found wins.
func jsonFieldsOf(t reflect.Type) []jsonField {
	if cached, ok := jsonFieldCache.Load(t); ok {
		return cached.([]jsonField)
	}
	var fields []jsonField
	seen := map[string]bool{}
	collectFields(t, nil, seen, &fields)
	sort.Slice(fields, func(i, j int) bool { return fields[i].name < fields[j].name })
	jsonFieldCache.Store(t, fields)
	return fields
}

func collectFields(t reflect.Type, index []int, seen map[string]bool, out *[]jsonField) {
	var embedded []reflect.StructField
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" || (!sf.IsExported() && !sf.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" && derefType(sf.Type).Kind() == reflect.Struct {
			embedded = append(embedded, sf)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		idx := append(append([]int{}, index...), i)
		*out = append(*out, jsonField{name: name, key: policies.KeyTerm(name), index: idx,
			omitEmpty: strings.Contains(","+opts+",", ",omitempty,"), part: factParts[name]})
	}
	for _, sf := range embedded {
		collectFields(derefType(sf.Type), append(append([]int{}, index...), sf.Index...), seen, out)
	}
}

func derefType(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		return t.Elem()
	}
	return t
}
