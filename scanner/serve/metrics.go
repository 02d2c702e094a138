package serve

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// metrics are the server's Prometheus series, in a registry of its own
// (no global state: two servers in one test binary do not collide).
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec   // by route and status code
	latency  *prometheus.HistogramVec // by route
	findings *prometheus.CounterVec   // by rule and severity
	listings *prometheus.CounterVec   // listings judged, by outcome
	rejected *prometheus.CounterVec   // refused before evaluation, by code
}

func newMetrics(l *limiter, extra ...prometheus.Collector) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "xiaoer_http_requests_total",
			Help: "HTTP requests answered, by route pattern and status code."}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "xiaoer_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}}, []string{"route"}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "xiaoer_findings_total",
			Help: "Findings reported (suppressed ones included), by rule and severity."}, []string{"rule", "severity"}),
		listings: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "xiaoer_listings_checked_total",
			Help: "Listings judged, by outcome (ok, error)."}, []string{"outcome"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "xiaoer_rejected_total",
			Help: "Requests refused before evaluation (overloaded, timeout), by error code."}, []string{"code"}),
	}
	inFlight := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "xiaoer_evaluations_in_flight",
		Help: "Evaluation slots taken right now."}, func() float64 { return float64(l.inFlight()) })
	queued := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "xiaoer_requests_queued",
		Help: "Requests waiting for an evaluation slot right now."}, func() float64 { return float64(len(l.queue)) })
	m.registry.MustRegister(m.requests, m.latency, m.findings, m.listings, m.rejected, inFlight, queued,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.registry.MustRegister(extra...)
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// instrument counts and times every request under the route pattern that
// served it (ServeMux records it on the request), so label values stay few
// whatever paths callers send.
func (m *metrics) instrument(next http.Handler, apiRoute func(*http.Request) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		route := r.Pattern
		if route == "/v1/" || route == "/metrics" { // the API mux did not run
			route = apiRoute(r)
		}
		if route == "" {
			route = "unmatched"
		}
		m.requests.WithLabelValues(route, strconv.Itoa(sw.status)).Inc()
		m.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}

// observe counts the findings and outcomes of judged listings.
func (m *metrics) observe(results []scanner.Result) {
	for _, r := range results {
		if r.Failed() {
			m.listings.WithLabelValues("error").Inc()
			continue
		}
		m.listings.WithLabelValues("ok").Inc()
		for _, f := range r.Findings {
			m.findings.WithLabelValues(f.Rule, f.Severity).Inc()
		}
	}
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
