// Package serve is `xiaoer serve`: the checker as an HTTP service for
// listing editors and ERPs (/v1/check, /v1/check/batch, /v1/shipments,
// the rule catalogue, health, metrics, OpenAPI) and the sellers' web page
// at /. The engine is built once by the caller and shared by every request;
// the server bounds body size, evaluation time and evaluations in flight,
// and never fetches a URL a caller sends (the URLs of a job under /v1/jobs
// are fetched by workers, through the same guard as scan).
package serve

import (
	"errors"
	"net/http"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Options configure a Server; zero values take the defaults below.
type Options struct {
	Checker  Checker // required
	Platform string  // for listings that name none and requests without ?platform=

	Token       string   // Bearer token required on /v1/ and /metrics; "" means none
	CORSOrigins []string // origins allowed to call the API from a browser; none: no CORS

	MaxBodyBytes   int64         // request body limit; default 16 MiB
	MaxBatch       int           // listings per batch; default 1000
	MaxInFlight    int           // evaluations at once; default GOMAXPROCS
	MaxQueue       int           // requests waiting for a slot; default 64
	QueueWait      time.Duration // longest wait for a slot; default 2s
	RequestTimeout time.Duration // evaluation time of one request; default 30s

	// Handlers are extra routes (ServeMux patterns such as "/v1/jobs/"),
	// served behind the same authentication, CORS and metrics. The NATS job
	// endpoints mount here.
	Handlers map[string]http.Handler
	// Collectors are extra Prometheus series for /metrics (the job queue's).
	Collectors []prometheus.Collector
}

// Defaults.
const (
	DefaultMaxBody        = 16 << 20
	DefaultMaxBatch       = 1000
	DefaultMaxQueue       = 64
	DefaultQueueWait      = 2 * time.Second
	DefaultRequestTimeout = 30 * time.Second
)

// Server answers the API and the web page.
type Server struct {
	opts     Options
	checker  Checker
	limit    *limiter
	metrics  *metrics
	handler  http.Handler
	draining atomic.Bool // set on shutdown: /readyz answers 503
}

// New builds the server and its routes; this is the one place a server is
// put together.
func New(opts Options) (*Server, error) {
	if opts.Checker == nil {
		return nil, errors.New("serve: no checker")
	}
	opts = withDefaults(opts)
	s := &Server{opts: opts, checker: opts.Checker,
		limit: newLimiter(opts.MaxInFlight, opts.MaxQueue, opts.QueueWait)}
	s.metrics = newMetrics(s.limit, opts.Collectors...)
	s.handler = s.routes()
	return s, nil
}

func withDefaults(o Options) Options {
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBody
	}
	if o.MaxBatch <= 0 {
		o.MaxBatch = DefaultMaxBatch
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = runtime.GOMAXPROCS(0)
	}
	if o.MaxQueue <= 0 {
		o.MaxQueue = DefaultMaxQueue
	}
	if o.QueueWait <= 0 {
		o.QueueWait = DefaultQueueWait
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	return o
}

// Handler is the whole server as an http.Handler (tests serve it with
// httptest; Serve wraps it in an http.Server with timeouts).
func (s *Server) Handler() http.Handler { return s.handler }

// routes registers every endpoint. Authentication wraps the API only:
// probes and the page's static files need no token.
func (s *Server) routes() http.Handler {
	api := http.NewServeMux()
	api.HandleFunc("POST /v1/check", s.handleCheck)
	api.HandleFunc("POST /v1/check/batch", s.handleBatch)
	api.HandleFunc("POST /v1/shipments", s.handleShipments)
	api.HandleFunc("GET /v1/rules", s.handleRules)
	api.HandleFunc("GET /v1/rules/{id}", s.handleRule)
	api.HandleFunc("GET /v1/version", s.handleVersion)
	api.HandleFunc("GET /v1/openapi.json", handleOpenAPI)
	api.Handle("GET /metrics", s.metrics.handler())
	for pattern, h := range s.opts.Handlers {
		api.Handle(pattern, h)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", handleHealth)
	mux.HandleFunc("GET /readyz", s.handleReady)
	mux.Handle("GET /{$}", pageHandler())
	mux.Handle("GET /assets/", assetsHandler())
	mux.Handle("/v1/", requireToken(s.opts.Token, jsonNotFound(api)))
	mux.Handle("/metrics", requireToken(s.opts.Token, jsonNotFound(api)))
	var h http.Handler = jsonNotFound(mux)
	h = cors(s.opts.CORSOrigins, h)
	h = recoverPanics(h)
	// A request the token check refused never reached the API mux; its
	// route is the pattern that mux would have chosen.
	apiRoute := func(r *http.Request) string { _, p := api.Handler(r); return p }
	return s.metrics.instrument(h, apiRoute)
}
