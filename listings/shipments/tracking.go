package shipments

import (
	"encoding/json"
	"errors"
	"fmt"
)

// kuaidi100Answer is Kuaidi100's query answer (and the lastResult of its
// push callback). Events are newest first; status per event is there only
// when resultv2 was asked for.
type kuaidi100Answer struct {
	Nu    string     `json:"nu"`
	Com   string     `json:"com"`
	State flexString `json:"state"`
	Data  []struct {
		Time    string `json:"time"`
		FTime   string `json:"ftime"`
		Context string `json:"context"`
		Status  string `json:"status"`
	} `json:"data"`
	LastResult *kuaidi100Answer `json:"lastResult"`
}

// kdniaoAnswer is KDNiao's 即时查询 answer. Traces are oldest first; Action
// is the detailed state of each trace, present on newer API versions.
type kdniaoAnswer struct {
	LogisticCode string     `json:"LogisticCode"`
	ShipperCode  string     `json:"ShipperCode"`
	State        flexString `json:"State"`
	Traces       []struct {
		AcceptTime    string     `json:"AcceptTime"`
		AcceptStation string     `json:"AcceptStation"`
		Action        flexString `json:"Action"`
	} `json:"Traces"`
}

// ErrNotTracking is returned for JSON that is neither answer format.
var ErrNotTracking = errors.New("not a Kuaidi100 or KDNiao answer")

// ParseTracking reads one carrier answer (Kuaidi100 or KDNiao, told apart by
// their keys) from a JSON object.
func ParseTracking(raw []byte) (*Trace, error) {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return nil, fmt.Errorf("tracking answer: %w", err)
	}
	switch trackingFormat(keys) {
	case FormatKuaidi100:
		return parseKuaidi100(raw)
	case FormatKDNiao:
		return parseKDNiao(raw)
	}
	return nil, ErrNotTracking
}

// trackingFormat tells the answer formats apart by their keys (KDNiao's
// may come in either case, so both spellings are looked for).
func trackingFormat(keys map[string]json.RawMessage) string {
	for _, k := range []string{"LogisticCode", "logisticCode", "Traces", "traces", "ShipperCode"} {
		if _, ok := keys[k]; ok {
			return FormatKDNiao
		}
	}
	if _, ok := keys["lastResult"]; ok {
		return FormatKuaidi100
	}
	_, nu := keys["nu"]
	_, data := keys["data"]
	if nu || data && hasKey(keys, "com") {
		return FormatKuaidi100
	}
	return ""
}

func hasKey(m map[string]json.RawMessage, k string) bool {
	_, ok := m[k]
	return ok
}

func parseKuaidi100(raw []byte) (*Trace, error) {
	var a kuaidi100Answer
	if err := json.Unmarshal(raw, &a); err != nil {
		return nil, fmt.Errorf("kuaidi100 answer: %w", err)
	}
	if a.LastResult != nil {
		a = *a.LastResult
	}
	raws := make([]rawEvent, 0, len(a.Data))
	for _, d := range a.Data {
		at := d.FTime
		if at == "" {
			at = d.Time
		}
		raws = append(raws, rawEvent{time: at, status: d.Status, text: d.Context})
	}
	t, err := newTrace(FormatKuaidi100, a.Com, a.Nu, string(a.State), raws)
	if err != nil {
		return nil, fmt.Errorf("kuaidi100 answer %s: %w", a.Nu, err)
	}
	return t, nil
}

func parseKDNiao(raw []byte) (*Trace, error) {
	var a kdniaoAnswer
	if err := json.Unmarshal(raw, &a); err != nil {
		return nil, fmt.Errorf("kdniao answer: %w", err)
	}
	raws := make([]rawEvent, 0, len(a.Traces))
	for _, tr := range a.Traces {
		action := string(tr.Action)
		raws = append(raws, rawEvent{time: tr.AcceptTime, status: action, text: tr.AcceptStation, kind: kdniaoActions[action]})
	}
	t, err := newTrace(FormatKDNiao, a.ShipperCode, a.LogisticCode, string(a.State), raws)
	if err != nil {
		return nil, fmt.Errorf("kdniao answer %s: %w", a.LogisticCode, err)
	}
	return t, nil
}
