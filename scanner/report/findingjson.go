package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// appendFindings appends found as encoding/json writes it (SetEscapeHTML
// false). On shop exports nearly every row has findings, and encoding
// them by reflection cost about 12 µs a finding, 2% of the scan. A
// details value of a type decoding JSON does not give goes through enc
// (into buf). TestAppendFindingsIsEncodingJSON holds it to encoding/json.
func appendFindings(b []byte, found []finding.Finding, enc *json.Encoder, buf *bytes.Buffer) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i := range found {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendFinding(b, &found[i], enc, buf); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

func appendFinding(b []byte, f *finding.Finding, enc *json.Encoder, buf *bytes.Buffer) ([]byte, error) {
	b = appendStringField(b, `{"rule":`, f.Rule)
	b = appendStringField(b, `,"severity":`, f.Severity)
	b = appendStringField(b, `,"message":`, f.Message)
	b = appendStringField(b, `,"field":`, f.Field)
	b = appendStringField(b, `,"evidence":`, f.Evidence)
	if f.Context != "" {
		b = appendStringField(b, `,"context":`, f.Context)
	}
	b = appendIntField(b, `,"span":{"start":`, f.Span.Start)
	b = appendIntField(b, `,"end":`, f.Span.End)
	b = append(b, '}')
	if l := f.Location; l != nil {
		b = appendStringField(b, `,"location":{"file":`, l.File)
		b = appendIntField(b, `,"line":`, l.Line)
		b = appendIntField(b, `,"column":`, l.Column)
		b = append(b, '}')
	}
	b = appendBasis(append(b, `,"basis":`...), &f.Basis)
	b = appendStringField(b, `,"suggestion":`, f.Suggestion)
	b, ok := appendFindingExposure(append(b, `,"exposure":`...), &f.Exposure)
	if !ok {
		return b, errUnsupportedFloat
	}
	if len(f.Details) > 0 {
		var err error
		if b, err = appendAny(append(b, `,"details":`...), f.Details, enc, buf); err != nil {
			return b, err
		}
	}
	b = appendStringField(b, `,"fingerprint":`, f.Fingerprint)
	if s := f.Suppressed; s != nil {
		b = appendStringField(b, `,"suppressed":{"reason":`, s.Reason)
		b = appendStringField(b, `,"source":`, s.Source)
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

func appendIntField(b []byte, key string, n int) []byte {
	return strconv.AppendInt(append(b, key...), int64(n), 10)
}

func appendBasis(b []byte, x *finding.Basis) []byte {
	b = appendStringField(b, `{"law":`, x.Law)
	if x.Penalty != "" {
		b = appendStringField(b, `,"penalty":`, x.Penalty)
	}
	if x.Link != "" {
		b = appendStringField(b, `,"link":`, x.Link)
	}
	b = strconv.AppendBool(append(b, `,"confirmed":`...), x.Confirmed)
	if x.Note != "" {
		b = appendStringField(b, `,"note":`, x.Note)
	}
	return append(b, '}')
}

// appendFindingExposure appends x; false for NaN or an infinity.
func appendFindingExposure(b []byte, x *finding.Exposure) ([]byte, bool) {
	figures := scanner.ExposureTotal{PunitiveCNY: x.PunitiveCNY, PlatformCNY: x.PlatformCNY, FineCNY: x.FineCNY, Points: x.Points}
	b, ok := appendExposureFigures(append(b, '{'), figures)
	b = appendStrings(append(b, `,"basis":`...), x.Basis)
	b = strconv.AppendBool(append(b, `,"confirmed":`...), x.Confirmed)
	return append(b, '}'), ok
}

// appendStrings appends ss as a JSON array, null when nil.
func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendAny appends v, a value of a finding's details: what decoding JSON
// gives (maps with sorted keys, as encoding/json writes them) here, any
// other type through enc.
func appendAny(b []byte, v any, enc *json.Encoder, buf *bytes.Buffer) ([]byte, error) {
	var err error
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return appendJSONString(b, v), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case float64:
		if b, ok := appendFloatField(b, "", v); ok {
			return b, nil
		}
		return b, errUnsupportedFloat
	case []string:
		return appendStrings(b, v), nil
	case []any:
		if v == nil {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendAny(b, e, enc, buf); err != nil {
				return b, err
			}
		}
		return append(b, ']'), nil
	case map[string]any:
		return appendMap(b, v, enc, buf)
	}
	return appendEncoded(b, v, enc, buf)
}

func appendMap(b []byte, m map[string]any, enc *json.Encoder, buf *bytes.Buffer) ([]byte, error) {
	if m == nil {
		return append(b, "null"...), nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	var err error
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(appendJSONString(b, k), ':')
		if b, err = appendAny(b, m[k], enc, buf); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}
