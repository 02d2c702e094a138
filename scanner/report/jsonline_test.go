package report

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// encodingJSON is what JSONL wrote before appendResult: a json.Encoder
// with SetEscapeHTML(false).
func encodingJSON(t testing.TB, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func appended(t testing.TB, r scanner.Result) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	line, err := appendResult(nil, &r, enc, &buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	return string(line)
}

// TestAppendResultIsEncodingJSON fills every field of Result, however
// deep, with values that need escaping or an exponent, and holds
// appendResult to encoding/json; a field added to Result and not to
// appendResult fails here.
func TestAppendResultIsEncodingJSON(t *testing.T) {
	msg := "读取失败: \"bad\" <row>\n"
	cases := map[string]scanner.Result{
		"zero":         {},
		"no findings":  {Input: 3, Source: "titles.txt", Kind: "listing", ID: "titles.txt:4", Title: "纯棉T恤 <b>&</b>", Platform: "generic", Encoding: "utf-8", Findings: []finding.Finding{}},
		"export row":   {Input: 1, Source: "e.csv", Kind: "listing", ID: "600000000001", Title: "羽绒服", Price: 329, Findings: []finding.Finding{}},
		"error":        {Input: 2, Source: "bad.html", Kind: "listing", Findings: []finding.Finding{}, Error: &msg},
		"small price":  {Price: 1.5e-7, Line: -2, Exposure: scanner.ExposureTotal{PunitiveCNY: 1e21, PlatformCNY: 0.000001, FineCNY: [2]float64{100000, 2e6}, Points: -12.25}},
		"negative 0":   {Price: math.Copysign(0, -1), Exposure: scanner.ExposureTotal{Points: math.Copysign(0, -1)}},
		"every field":  filled(t),
		"nil findings": {Title: "x"},
	}
	for name, r := range cases {
		if got, want := appended(t, r), encodingJSON(t, r); got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}

// filled is a Result whose every field, and every field of what it
// holds, is set (see fill).
func filled(t *testing.T) scanner.Result {
	var r scanner.Result
	fill(reflect.ValueOf(&r).Elem(), 0)
	if reflect.ValueOf(r).IsZero() || len(r.Findings) == 0 || r.Columns == nil || r.Error == nil {
		t.Fatalf("fill left fields empty: %+v", r)
	}
	return r
}

// fill sets v to a value that is not its zero: strings that need
// escaping, numbers that need an exponent, one element in slices and maps.
func fill(v reflect.Value, depth int) {
	if depth > 8 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("引号\"\\\t\x01\u2028</script>&\xff" + v.Type().Name())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(-7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(9)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.25e-7)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), depth+1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), depth+1)
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), depth+1)
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, depth+1)
		fill(e, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth+1)
			}
		}
	case reflect.Interface:
		v.Set(reflect.ValueOf("值"))
	}
}

// TestAppendJSONStringIsEncodingJSON: every byte alone and in text,
// invalid and truncated UTF-8, and the line separators.
func TestAppendJSONStringIsEncodingJSON(t *testing.T) {
	texts := []string{"", "纯棉", "a\"b\\c", "\u2028\u2029", "\xe4\xb8", "\xed\xa0\x80", "\U0001F600 ok", "<>&", "\x7f\x00",
		"\xe4\xb8\xc0", "\xe4\xc0\xad", "\xe0\x80\xaf", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf", "\xe1\x80\x80"}
	for c := range 256 {
		texts = append(texts, string([]byte{byte(c)}), "全网第一"+string([]byte{byte(c)})+"棉")
	}
	// Three bytes from every lead byte, the continuation bytes at the
	// edges of their ranges (plainThreeBytes).
	edges := []byte{0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xa8, 0xa9, 0xbf, 0xc0}
	for lead := 0xe0; lead <= 0xef; lead++ {
		for _, b1 := range edges {
			for _, b2 := range edges {
				texts = append(texts, "棉"+string([]byte{byte(lead), b1, b2})+"a", string([]byte{byte(lead), b1, b2}))
			}
		}
	}
	for _, s := range texts {
		if got, want := string(appendJSONString(nil, s))+"\n", encodingJSON(t, s); got != want {
			t.Errorf("%q: got %s want %s", s, got, want)
		}
	}
}

// TestAppendFloatIsEncodingJSON: the float forms around the exponent
// thresholds and at random magnitudes.
func TestAppendFloatIsEncodingJSON(t *testing.T) {
	floats := []float64{0, 1, -1, 0.1, 12.9, 1e-6, 9.99e-7, 1e-7, 1e20, 1e21, 123456789012345678901234, -1e-300, math.MaxFloat64, math.SmallestNonzeroFloat64}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		floats = append(floats, (rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(60)-30)))
	}
	for _, f := range floats {
		got, ok := appendFloatField(nil, "", f)
		if want := encodingJSON(t, f); !ok || string(got)+"\n" != want {
			t.Errorf("%v: got %s want %s", f, got, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, ok := appendFloatField(nil, "", f); ok {
			t.Errorf("%v: want not ok", f)
		}
	}
}

// FuzzAppendJSONString holds appendJSONString to encoding/json.
func FuzzAppendJSONString(f *testing.F) {
	f.Add("纯棉T恤\u2028\xff\"")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendJSONString(nil, s))+"\n", encodingJSON(t, s); got != want {
			t.Errorf("%q: got %s want %s", s, got, want)
		}
	})
}

// TestJSONLReportsUnencodable: a NaN has no JSON form; the line is not
// written and the error says why, as encoding/json words it.
func TestJSONLReportsUnencodable(t *testing.T) {
	var out strings.Builder
	j := &JSONL{}
	if err := j.Start(&out, nil); err != nil {
		t.Fatal(err)
	}
	err := j.Add(scanner.Result{Price: math.NaN()})
	if err == nil || !strings.Contains(err.Error(), "NaN") || out.Len() != 0 {
		t.Fatalf("err %v, wrote %q", err, out.String())
	}
	if err := j.Add(scanner.Result{Title: "好"}); err != nil || !strings.HasPrefix(out.String(), `{"input":0`) {
		t.Fatalf("err %v, wrote %q", err, out.String())
	}
}

// The rows of an export share its column report: JSONL writes it as
// encoding/json does for each, and a report that differs (another
// export) as itself, the first again after it.
func TestJSONLWritesSharedColumnsAsEncodingJSON(t *testing.T) {
	a := &listings.ColumnReport{Mapped: map[string]string{"宝贝标题": "title", "价格": "price"}, Unused: []string{"备注"}}
	b := &listings.ColumnReport{Mapped: map[string]string{"title": "title"}, Unused: []string{}, Preamble: 2}
	var results []scanner.Result
	var want strings.Builder
	for i, cols := range []*listings.ColumnReport{a, a, b, a, nil, b} {
		r := scanner.Result{Input: i, Source: "e.csv", Kind: "listing", Title: "羽绒服", Findings: []finding.Finding{}, Columns: cols}
		results = append(results, r)
		want.WriteString(encodingJSON(t, r))
	}
	var out bytes.Buffer
	j := &JSONL{}
	if err := j.Start(&out, nil); err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if err := j.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if out.String() != want.String() {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want.String())
	}
}
