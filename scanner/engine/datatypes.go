package engine

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// checkDataTypes refuses user data that replaces an embedded value with one
// of another type: `{"tables": {"ad_absolute": null}}` would otherwise
// switch the rule off in silence (its lookups come out undefined). Values of
// the same type replace or merge as mergeData says; new keys are free.
func checkDataTypes(embedded, user map[string]any) error {
	return checkTypesAt(embedded, user, nil)
}

func checkTypesAt(embedded, user map[string]any, path []string) error {
	keys := make([]string, 0, len(user))
	for k := range user {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		old, ok := embedded[k]
		if !ok {
			continue
		}
		at := append(append([]string(nil), path...), k)
		want, got := dataType(old), dataType(user[k])
		if want != got {
			return fmt.Errorf("data %s: the embedded table is %s, the user data gives %s; give the same shape or leave it out",
				strings.Join(at, "."), want, got)
		}
		oldObj, isObj := old.(map[string]any)
		if isObj {
			if err := checkTypesAt(oldObj, user[k].(map[string]any), at); err != nil {
				return err
			}
		}
	}
	return nil
}

// dataType names a JSON value's type as people read it.
func dataType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number, float64, int, int64:
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}
