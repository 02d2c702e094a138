package shipments

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// localLayouts are the wall-clock forms order exports and carrier APIs use;
// they carry no zone and are read as Asia/Shanghai.
var localLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006/1/2 15:04:05",
	"2006/1/2 15:04",
}

// ParseTime reads a time as order exports and tracking answers write it:
// RFC 3339 (its zone kept), a wall-clock time in Asia/Shanghai, or Unix
// seconds or milliseconds. The result is in Asia/Shanghai. Empty text is the
// zero time.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, ok := readTime(s)
	if !ok {
		return time.Time{}, fmt.Errorf("unreadable time %s", shortValue(s))
	}
	if t.Before(earliestTime) || !t.Before(latestTime) {
		return time.Time{}, fmt.Errorf("time %s is outside %d–%d", shortValue(s), earliestTime.Year(), latestTime.Year()-1)
	}
	return t, nil
}

// The window of times an order or a tracking event can have: earlier or
// later ones are typing errors or hostile values, and far ones overflow
// the durations the rules compute.
var (
	earliestTime = time.Date(2000, 1, 1, 0, 0, 0, 0, facts.Shanghai)
	latestTime   = time.Date(2100, 1, 1, 0, 0, 0, 0, facts.Shanghai)
)

func readTime(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(facts.Shanghai), true
	}
	for _, layout := range localLayouts {
		if t, err := time.ParseInLocation(layout, s, facts.Shanghai); err == nil {
			return t, true
		}
	}
	return unixTime(s)
}

// unixTime reads 10-digit seconds or 13-digit milliseconds.
func unixTime(s string) (time.Time, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	switch len(s) {
	case 10:
		return time.Unix(n, 0).In(facts.Shanghai), true
	case 13:
		return time.UnixMilli(n).In(facts.Shanghai), true
	}
	return time.Time{}, false
}
