// Command xiaoer-load measures a running `xiaoer serve` on this machine:
// requests per second and latency percentiles at several concurrencies,
// for one-title listings or a real-size item page, the server's memory
// over a long run, and its behaviour past capacity (503s, not timeouts,
// then recovery). Every run is bounded in requests and in time.
//
//	xiaoer-load -url http://127.0.0.1:8080 -mode title -titles titles.txt -c 1,8,64 -n 5000 -d 20s
//	xiaoer-load -mode page -page item.html -c 1,8,64 -n 300
//	xiaoer-load -mode title -c 16 -n 100000 -d 10m -rss       # memory over 100,000 requests
//	xiaoer-load -mode title -c 256 -n 20000 -d 30s -recover   # past capacity, then recovery
//	xiaoer-load -mode title -batch 100 -c 2 -n 400             # 100 titles a batch request
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

type config struct {
	url      string
	mode     string // title | page
	titles   string // file of titles, one a line (default: built-in)
	page     string // item page for -mode page
	levels   []int
	n        int
	d        time.Duration
	timeout  time.Duration
	token    string
	batch    int // titles per /v1/check/batch request (0: one per /v1/check)
	rss      bool
	recovery bool
}

func main() {
	cfg, err := parseFlags()
	if err == nil {
		err = run(cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "xiaoer-load:", err)
		os.Exit(2)
	}
}

func parseFlags() (config, error) {
	var cfg config
	var levels string
	flag.StringVar(&cfg.url, "url", "http://127.0.0.1:8080", "server base URL")
	flag.StringVar(&cfg.mode, "mode", "title", "title (a one-title listing per request) or page (an item page per request)")
	flag.StringVar(&cfg.titles, "titles", "", "titles to send, one a line (default: a few built-in ones)")
	flag.StringVar(&cfg.page, "page", "", "item page to send with -mode page")
	flag.StringVar(&levels, "c", "1,8,64", "concurrency levels, comma-separated")
	flag.IntVar(&cfg.n, "n", 2000, "requests per level, at most")
	flag.DurationVar(&cfg.d, "d", 20*time.Second, "time per level, at most")
	flag.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "client timeout per request (a timeout is counted, never waited out)")
	flag.StringVar(&cfg.token, "token", os.Getenv("XIAOER_TOKEN"), "Bearer token, if the server wants one")
	flag.IntVar(&cfg.batch, "batch", 0, "with -mode title, send this many titles per /v1/check/batch request")
	flag.BoolVar(&cfg.rss, "rss", false, "sample the server's resident memory (process_resident_memory_bytes from /metrics) during the run")
	flag.BoolVar(&cfg.recovery, "recover", false, "after the run, time how long until a single request is served again")
	flag.Parse()
	for _, s := range strings.Split(levels, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || c < 1 {
			return cfg, fmt.Errorf("-c %q: want positive integers", levels)
		}
		cfg.levels = append(cfg.levels, c)
	}
	if cfg.mode == "page" && cfg.page == "" {
		return cfg, fmt.Errorf("-mode page needs -page FILE")
	}
	return cfg, nil
}
