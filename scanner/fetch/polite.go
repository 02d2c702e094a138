package fetch

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/time/rate"
)

// politeTransport waits for the host's rate limit and names the client on
// every request, redirect hops included.
type politeTransport struct {
	next      http.RoundTripper
	limits    *hostLimits
	userAgent string
}

// RoundTrip implements http.RoundTripper.
func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	host := req.URL.Hostname()
	if !waited(req.Context(), host) {
		if err := t.limits.wait(req.Context(), host); err != nil {
			return nil, err
		}
	}
	req = req.Clone(req.Context())
	req.Header.Set("User-Agent", t.userAgent)
	return t.next.RoundTrip(req)
}

// hostLimits holds one token bucket per host.
type hostLimits struct {
	mu    sync.Mutex
	rate  rate.Limit
	hosts map[string]*rate.Limiter
}

func newHostLimits(perSecond float64) *hostLimits {
	return &hostLimits{rate: rate.Limit(perSecond), hosts: map[string]*rate.Limiter{}}
}

// wait blocks until the host may be asked again.
func (h *hostLimits) wait(ctx context.Context, host string) error {
	host = strings.ToLower(host)
	h.mu.Lock()
	l, ok := h.hosts[host]
	if !ok {
		l = rate.NewLimiter(h.rate, 1)
		h.hosts[host] = l
	}
	h.mu.Unlock()
	return l.Wait(ctx)
}

// waitedKey marks a request whose first hop already waited for its host's
// turn, before its timeout started (so queueing does not eat the timeout).
type waitedKey struct{}

type waitedMark struct {
	host string
	used atomic.Bool
}

func withWaited(ctx context.Context, host string) context.Context {
	return context.WithValue(ctx, waitedKey{}, &waitedMark{host: strings.ToLower(host)})
}

// waited reports, once, that the first hop has waited already; every later
// hop (redirects to the same host included) waits in RoundTrip.
func waited(ctx context.Context, host string) bool {
	m, ok := ctx.Value(waitedKey{}).(*waitedMark)
	return ok && m.host == strings.ToLower(host) && m.used.CompareAndSwap(false, true)
}
