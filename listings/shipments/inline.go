package shipments

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// inlineEvent is one event listed with an order. It takes the plain names
// (time, status, text) and the answer formats' names, so events copied from
// either API read as they are.
type inlineEvent struct {
	Time          string     `json:"time"`
	FTime         string     `json:"ftime"`
	AcceptTime    string     `json:"AcceptTime"`
	Text          string     `json:"text"`
	Context       string     `json:"context"`
	AcceptStation string     `json:"AcceptStation"`
	Status        flexString `json:"status"`
	Action        flexString `json:"Action"`
}

// parseInline reads an order's inline tracking: a list of events, or a whole
// Kuaidi100 or KDNiao answer. No value (or null) is no tracking data: the
// order's tracking is unknown, nil. An empty list is known to be empty (the
// carrier has no event for the parcel): a trace with no events, which the
// policy input marks trace.found with no events.
func parseInline(raw []byte, carrier, trackingNo string) (*Trace, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] == '{' {
		return ParseTracking(raw)
	}
	var evs []inlineEvent
	if err := json.Unmarshal(raw, &evs); err != nil {
		return nil, fmt.Errorf("inline events: %w", err)
	}
	raws := make([]rawEvent, 0, len(evs))
	for _, e := range evs {
		raws = append(raws, e.raw())
	}
	return newTrace(FormatInline, carrier, trackingNo, "", raws)
}

func (e inlineEvent) raw() rawEvent {
	r := rawEvent{time: first(e.Time, e.FTime, e.AcceptTime), text: first(e.Text, e.Context, e.AcceptStation), status: string(e.Status)}
	if e.Action != "" {
		r.status = string(e.Action)
		r.kind = kdniaoActions[r.status]
	}
	return r
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
