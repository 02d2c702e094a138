package shipments

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Trace formats.
const (
	FormatKuaidi100 = "kuaidi100"
	FormatKDNiao    = "kdniao"
	FormatInline    = "inline" // events listed with the order
)

// Event is one tracking event.
type Event struct {
	Time   time.Time
	Status string // the answer's own status word or code, "" when it gives none
	Text   string
	Kind   string // see Classify
}

// Trace is one carrier answer for one tracking number, events oldest first.
type Trace struct {
	Format     string
	Carrier    string // the answer's carrier code (com, ShipperCode)
	TrackingNo string
	State      string // the answer's overall state code
	Events     []Event
}

// rawEvent is an event before its time is read and its kind decided.
type rawEvent struct {
	time, status, text string
	kind               string // set when the answer's own code decides it
}

// newTrace reads the events' times, classifies them and puts them oldest
// first. Answers list events newest first (Kuaidi100) or oldest first
// (KDNiao); reversing a newest-first list before the stable sort keeps
// events that share a second in the order they happened.
func newTrace(format, carrier, number, state string, raws []rawEvent) (*Trace, error) {
	t := &Trace{Format: format, Carrier: strings.TrimSpace(carrier), TrackingNo: NormalizeTrackingNo(number), State: state}
	for i, r := range raws {
		at, err := ParseTime(r.time)
		if err != nil {
			return nil, fmt.Errorf("event %d: %w", i+1, err)
		}
		if at.IsZero() {
			continue
		}
		text := strings.TrimSpace(r.text)
		kind := r.kind
		if kind == "" {
			kind = Classify(r.status, text)
		}
		t.Events = append(t.Events, Event{Time: at, Status: strings.TrimSpace(r.status), Text: text, Kind: kind})
	}
	if n := len(t.Events); n > 1 && t.Events[0].Time.After(t.Events[n-1].Time) {
		for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
			t.Events[i], t.Events[j] = t.Events[j], t.Events[i]
		}
	}
	sort.SliceStable(t.Events, func(i, j int) bool { return t.Events[i].Time.Before(t.Events[j].Time) })
	return t, nil
}

// NormalizeTrackingNo is the form tracking numbers are matched in: no spaces,
// upper case, without the ="…" wrapper spreadsheet exports add.
func NormalizeTrackingNo(s string) string {
	s = cleanCell(s)
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
	return strings.ToUpper(s)
}

// cleanCell strips what spreadsheet exports wrap values in to stop Excel
// reading them as numbers: ="123", a leading apostrophe, tabs.
func cleanCell(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		s = s[2 : len(s)-1]
	}
	return strings.TrimSpace(strings.TrimPrefix(s, "'"))
}
