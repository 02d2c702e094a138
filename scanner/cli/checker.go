package cli

import (
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// nowFlag fixes the clock rules see, for repeatable runs.
var nowFlag = &cli.StringFlag{
	Name:  "now",
	Usage: "the time rules judge against, RFC 3339 (default: the current time, Asia/Shanghai)",
}

// clock parses --now; nil means the real clock.
func clock(c *cli.Context) (func() time.Time, error) {
	s := c.String("now")
	if s == "" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil, fmt.Errorf("--now %q: want RFC 3339 time such as 2026-11-11T00:00:00+08:00", s)
	}
	t = t.In(facts.Shanghai)
	return func() time.Time { return t }, nil
}
