package main

import (
	"bufio"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// stats sums one level's outcomes.
type stats struct {
	elapsed            time.Duration
	ok, busy, other    int
	timeouts, failures int
	okDur, busyDur     []time.Duration
}

func newStats(per [][]outcome, elapsed time.Duration) stats {
	s := stats{elapsed: elapsed}
	for _, list := range per {
		for _, o := range list {
			switch {
			case o.timeout:
				s.timeouts++
			case o.status == 0:
				s.failures++
			case o.status == http.StatusOK:
				s.ok++
				s.okDur = append(s.okDur, o.dur)
			case o.status == http.StatusServiceUnavailable:
				s.busy++
				s.busyDur = append(s.busyDur, o.dur)
			default:
				s.other++
			}
		}
	}
	slices.Sort(s.okDur)
	slices.Sort(s.busyDur)
	return s
}

func pct(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	return d[min(len(d)-1, int(float64(len(d))*p))]
}

func ms(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 1, 64) + "ms" }

func (s stats) print(c int, cpu float64) {
	total := s.ok + s.busy + s.other + s.timeouts + s.failures
	fmt.Printf("c=%-4d %6d req in %6.2fs = %7.1f req/s (200: %.1f/s) | 200 p50 %s p90 %s p99 %s max %s | 200=%d 503=%d other=%d timeouts=%d failed=%d",
		c, total, s.elapsed.Seconds(), float64(total)/s.elapsed.Seconds(), float64(s.ok)/s.elapsed.Seconds(),
		ms(pct(s.okDur, .5)), ms(pct(s.okDur, .9)), ms(pct(s.okDur, .99)), ms(pct(s.okDur, 1)),
		s.ok, s.busy, s.other, s.timeouts, s.failures)
	if s.busy > 0 {
		fmt.Printf(" | 503 p50 %s p99 %s", ms(pct(s.busyDur, .5)), ms(pct(s.busyDur, .99)))
	}
	if cpu > 0 && total > 0 {
		// Server CPU per request does not depend on what else the machine
		// runs: the throughput the server's cores could give.
		fmt.Printf(" | server CPU %.2fms/req", cpu*1000/float64(total))
	}
	fmt.Println()
}

// rssSampler reads the server's resident memory from /metrics every second.
type rssSampler struct {
	mu      sync.Mutex
	samples []float64
	done    chan struct{}
	wg      sync.WaitGroup
}

func startRSS(client *http.Client, cfg config) *rssSampler {
	r := &rssSampler{done: make(chan struct{})}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			if v, ok := readRSS(client, cfg); ok {
				r.mu.Lock()
				r.samples = append(r.samples, v)
				r.mu.Unlock()
			}
			select {
			case <-r.done:
				return
			case <-tick.C:
			}
		}
	}()
	return r
}

func (r *rssSampler) stop() *rssSampler {
	close(r.done)
	r.wg.Wait()
	return r
}

func (r *rssSampler) print() {
	if len(r.samples) == 0 {
		fmt.Println("rss: no samples (is /metrics reachable?)")
		return
	}
	mib := func(v float64) string { return strconv.FormatFloat(v/(1<<20), 'f', 1, 64) + " MiB" }
	n := len(r.samples)
	fmt.Printf("rss: %d samples; start %s, 10%% %s, 50%% %s, 90%% %s, end %s, max %s\n", n,
		mib(r.samples[0]), mib(r.samples[n/10]), mib(r.samples[n/2]), mib(r.samples[n*9/10]), mib(r.samples[n-1]), mib(slices.Max(r.samples)))
}

func readRSS(client *http.Client, cfg config) (float64, bool) {
	return readMetric(client, cfg, "process_resident_memory_bytes")
}

// readMetric reads one unlabelled series from the server's /metrics.
func readMetric(client *http.Client, cfg config, name string) (float64, bool) {
	req, err := http.NewRequest(http.MethodGet, cfg.url+"/metrics", nil)
	if err != nil {
		return 0, false
	}
	if cfg.token != "" {
		req.Header.Set("Authorization", "Bearer "+cfg.token)
	}
	res, err := client.Do(req)
	if err != nil {
		return 0, false
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return f, err == nil
		}
	}
	return 0, false
}
