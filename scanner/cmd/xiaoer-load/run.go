package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// outcome is one request's fate.
type outcome struct {
	dur     time.Duration
	status  int  // 0 when no answer came
	timeout bool // the client gave up
}

func run(cfg config) error {
	reqs, err := bodies(cfg)
	if err != nil {
		return err
	}
	maxC := 0
	for _, c := range cfg.levels {
		maxC = max(maxC, c)
	}
	client := &http.Client{Timeout: cfg.timeout, Transport: &http.Transport{
		MaxIdleConns: maxC, MaxIdleConnsPerHost: maxC, IdleConnTimeout: 30 * time.Second}}
	if err := waitReady(client, cfg.url); err != nil {
		return err
	}
	fmt.Printf("xiaoer-load %s mode=%s bodies=%d (%d bytes first) n<=%d d<=%s\n",
		cfg.url, cfg.mode, len(reqs), len(reqs[0].body), cfg.n, cfg.d)
	for _, c := range cfg.levels {
		var rss *rssSampler
		if cfg.rss {
			rss = startRSS(client, cfg)
		}
		cpu0, ok0 := readMetric(client, cfg, "process_cpu_seconds_total")
		st := runLevel(client, cfg, reqs, c)
		cpu1, ok1 := readMetric(client, cfg, "process_cpu_seconds_total")
		cpu := 0.0
		if ok0 && ok1 {
			cpu = cpu1 - cpu0
		}
		st.print(c, cpu)
		if rss != nil {
			rss.stop().print()
		}
	}
	if cfg.recovery {
		recovery(client, cfg, reqs[0])
	}
	return nil
}

// runLevel sends at most cfg.n requests from c workers, for at most cfg.d.
func runLevel(client *http.Client, cfg config, reqs []request, c int) stats {
	var next atomic.Int64
	deadline := time.Now().Add(cfg.d)
	per := make([][]outcome, c)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(cfg.n) || time.Now().After(deadline) {
					return
				}
				per[w] = append(per[w], send(client, cfg, reqs[i%int64(len(reqs))]))
			}
		}()
	}
	wg.Wait()
	return newStats(per, time.Since(start))
}

func send(client *http.Client, cfg config, r request) outcome {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, cfg.url+r.path, bytes.NewReader(r.body))
	if err != nil {
		return outcome{}
	}
	req.Header.Set("Content-Type", r.contentType)
	if cfg.token != "" {
		req.Header.Set("Authorization", "Bearer "+cfg.token)
	}
	start := time.Now()
	res, err := client.Do(req)
	if err != nil {
		var ne net.Error
		return outcome{dur: time.Since(start), timeout: errors.As(err, &ne) && ne.Timeout()}
	}
	if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusServiceUnavailable {
		reportOnce.Do(func() {
			msg, _ := io.ReadAll(io.LimitReader(res.Body, 300))
			fmt.Printf("first unexpected answer: %d %s (body %.80q)\n", res.StatusCode, msg, r.body)
		})
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return outcome{dur: time.Since(start), status: res.StatusCode}
}

// waitReady polls /readyz for up to 30 s: the server builds its engine
// before it listens.
func waitReady(client *http.Client, url string) error {
	for start := time.Now(); time.Since(start) < 30*time.Second; time.Sleep(100 * time.Millisecond) {
		res, err := client.Get(url + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return fmt.Errorf("%s/readyz did not answer 200 within 30s", url)
}

// reportOnce shows the first answer that is neither 200 nor 503, so a run
// with errors says why.
var reportOnce sync.Once

// recovery sends one request every 50 ms until one is served, for at most
// 30 s, and says how long that took.
func recovery(client *http.Client, cfg config, r request) {
	start := time.Now()
	for time.Since(start) < 30*time.Second {
		o := send(client, cfg, r)
		if o.status == http.StatusOK {
			fmt.Printf("recovery: first request served %s after the load, in %s\n", time.Since(start).Round(time.Millisecond), o.dur.Round(time.Microsecond))
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	fmt.Println("recovery: no request served within 30s")
}
