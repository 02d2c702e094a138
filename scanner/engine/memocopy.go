package engine

import (
	"reflect"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// A group's findings are decoded once; each order served from the memo
// gets a deep copy with its own id in the placeholder's place, which is
// what decoding its own answer gives (ids are valid UTF-8 here, so the
// JSON round trip keeps them as they are) without the decoding.

// findingsWithID is a deep copy of found with every memoID in a string
// replaced by id.
func findingsWithID(found []finding.Finding, id string) []finding.Finding {
	out := copyWithID(reflect.ValueOf(found), id)
	return out.Interface().([]finding.Finding)
}

func copyWithID(v reflect.Value, id string) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		out := reflect.New(v.Type()).Elem()
		out.SetString(strings.ReplaceAll(v.String(), memoID, id))
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(copyWithID(v.Elem(), id))
		return out
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(copyWithID(v.Elem(), id))
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(copyWithID(v.Index(i), id))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(copyWithID(it.Key(), id), copyWithID(it.Value(), id))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v) // unexported fields, if any, as they are
		for i := range v.NumField() {
			if f := out.Field(i); f.CanSet() {
				f.Set(copyWithID(v.Field(i), id))
			}
		}
		return out
	}
	return v
}
