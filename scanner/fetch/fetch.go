// Package fetch gets item pages over HTTP for bulk scans: with timeouts,
// retries with backoff on server errors and timeouts, a per-host rate limit,
// a body size limit, a redirect limit, a user agent that says who is asking,
// and no connections to private, loopback or link-local addresses unless
// allowed. Environment proxies are ignored: the address check must see the
// address actually dialled.
package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"time"
)

// Defaults for Options fields left at zero.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultRetries      = 2
	DefaultBackoff      = time.Second
	DefaultMaxBytes     = 16 << 20
	DefaultMaxRedirects = 5
	DefaultRatePerHost  = 2.0
)

// Options configures a Fetcher. Zero values take the defaults above.
type Options struct {
	Timeout      time.Duration  // one attempt, from dial to the last body byte
	Retries      int            // attempts after the first, on 5xx and timeouts only; <0 for none
	Backoff      time.Duration  // wait before the first retry, doubled for each next one
	MaxBytes     int64          // largest body accepted (after decompression)
	MaxRedirects int            // redirects followed per request
	RatePerHost  float64        // requests per second to one host (redirect hops included)
	UserAgent    string         // see UserAgent
	AllowPrivate bool           // allow private, loopback and link-local addresses
	Allow        []netip.Prefix // addresses allowed even though not public (tests: 127.0.0.1/32)
}

// UserAgent is the User-Agent a fetcher sends for a binary version.
func UserAgent(version string) string {
	return "xiaoer/" + version + " (+https://github.com/xiaoer-dev/xiaoer)"
}

// Fetcher gets pages; one Fetcher is shared by every worker of a scan so the
// rate limit holds across them.
type Fetcher struct {
	opts   Options
	guard  guard
	limits *hostLimits
	client *http.Client
}

// New returns a fetcher with its own transport.
func New(opts Options) *Fetcher {
	opts = withDefaults(opts)
	g := guard{allowPrivate: opts.AllowPrivate, allow: opts.Allow}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, ControlContext: g.control}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would hide the dialled address from the guard
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
	}
	f := &Fetcher{opts: opts, guard: g, limits: newHostLimits(opts.RatePerHost)}
	f.client = &http.Client{
		Transport:     &politeTransport{next: transport, limits: f.limits, userAgent: opts.UserAgent},
		CheckRedirect: f.checkRedirect,
	}
	return f
}

func withDefaults(o Options) Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Retries == 0 {
		o.Retries = DefaultRetries
	}
	o.Retries = max(o.Retries, 0)
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.RatePerHost <= 0 {
		o.RatePerHost = DefaultRatePerHost
	}
	if o.UserAgent == "" {
		o.UserAgent = UserAgent("dev")
	}
	return o
}

// ErrTooManyRedirects is returned past Options.MaxRedirects.
var ErrTooManyRedirects = errors.New("too many redirects")

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, f.opts.MaxRedirects)
	}
	if err := checkURL(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), err)
	}
	if err := f.guard.checkLiteral(req.URL.Hostname()); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), err)
	}
	return nil
}

// checkURL accepts absolute http and https URLs only.
func checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("unsupported scheme %q (want http or https)", u.Scheme)
	}
	if u.Host == "" {
		return errors.New("no host")
	}
	return nil
}

// Response is a fetched body and what the server said about it.
type Response struct {
	URL         string // after redirects
	Status      int
	ContentType string
	Body        []byte
}
