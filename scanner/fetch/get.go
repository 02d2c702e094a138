package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"time"
)

// StatusError is a response other than 2xx.
type StatusError struct {
	Code   int
	Status string
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// TooLargeError is a body over Options.MaxBytes; the rest is not read.
type TooLargeError struct {
	Limit  int64
	Length int64 // declared Content-Length, -1 when the server did not say
}

func (e *TooLargeError) Error() string {
	if e.Length >= 0 {
		return fmt.Sprintf("body of %d bytes is over the %s limit", e.Length, mib(e.Limit))
	}
	return fmt.Sprintf("body is over the %s limit", mib(e.Limit))
}

// TimeoutError is an attempt that did not finish within Options.Timeout.
type TimeoutError struct {
	After time.Duration
}

func (e *TimeoutError) Error() string { return fmt.Sprintf("no complete answer within %s", e.After) }

func mib(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Get fetches a URL, retrying server errors and timeouts with exponential
// backoff. The error names the last attempt's failure and how many there
// were; 4xx answers, refused addresses and oversized bodies are not retried.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if err := checkURL(u); err != nil {
		return nil, err
	}
	if err := f.guard.checkLiteral(u.Hostname()); err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		resp, err := f.attempt(ctx, u)
		if err == nil || !retryable(err) || attempt >= f.opts.Retries || ctx.Err() != nil {
			if err != nil && attempt > 0 {
				err = fmt.Errorf("%w (after %d attempts)", err, attempt+1)
			}
			return resp, err
		}
		if err := sleep(ctx, f.backoff(attempt)); err != nil {
			return nil, err
		}
	}
}

// attempt is one request, bounded by Options.Timeout from the moment the
// rate limit lets it go.
func (f *Fetcher) attempt(ctx context.Context, u *url.URL) (*Response, error) {
	host := u.Hostname()
	if err := f.limits.wait(ctx, host); err != nil {
		return nil, err
	}
	actx, cancel := context.WithTimeout(withWaited(ctx, host), f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.explain(ctx, actx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &StatusError{Code: resp.StatusCode, Status: resp.Status}
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return nil, &TooLargeError{Limit: f.opts.MaxBytes, Length: resp.ContentLength}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return nil, f.explain(ctx, actx, err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return nil, &TooLargeError{Limit: f.opts.MaxBytes, Length: -1}
	}
	return &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"), Body: body}, nil
}

// explain turns transport errors into the package's: a timeout of the
// attempt (not of the caller's context) is a *TimeoutError, and url.Error's
// "Get <url>:" prefix is dropped because the input already names the URL.
func (f *Fetcher) explain(parent, attempt context.Context, err error) error {
	if parent.Err() != nil {
		return parent.Err()
	}
	var ne net.Error
	if errors.Is(attempt.Err(), context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return &TimeoutError{After: f.opts.Timeout}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// retryable errors are the ones a later attempt may not meet.
func retryable(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code >= 500
	}
	var te *TimeoutError
	return errors.As(err, &te)
}

// backoff is the wait before retry n+1: Backoff·2ⁿ, jittered ±50% so
// workers that failed together do not retry together.
func (f *Fetcher) backoff(n int) time.Duration {
	d := f.opts.Backoff << min(n, 10)
	return d/2 + rand.N(d)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
