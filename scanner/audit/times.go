package audit

import (
	"fmt"
	"time"
)

// beijing is the time zone of the shops the report is for (no daylight
// saving, so a fixed offset is exact).
var beijing = time.FixedZone("北京时间", 8*3600)

// longTime is a time as people write it in Chinese: 2026年11月23日 10:00.
func longTime(t time.Time) string {
	b := t.In(beijing)
	return fmt.Sprintf("%d年%d月%d日 %02d:%02d", b.Year(), b.Month(), b.Day(), b.Hour(), b.Minute())
}

// shortTime is an event's time within the report's year: 11月19日 10:00;
// the raw text when it is not an RFC 3339 time.
func shortTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	b := t.In(beijing)
	return fmt.Sprintf("%d月%d日 %02d:%02d", b.Month(), b.Day(), b.Hour(), b.Minute())
}

// shortDay is a Beijing date as 11月18日, "" when day is not 2006-01-02.
func shortDay(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d月%d日", t.Month(), t.Day())
}

// day is the Beijing date of an RFC 3339 time, "" when it is not one.
func day(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return ""
	}
	return t.In(beijing).Format(time.DateOnly)
}
