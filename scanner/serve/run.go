package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// ServeOptions are the connection-level limits of Serve.
type ServeOptions struct {
	ReadTimeout     time.Duration // whole request, body included; default 30s
	ShutdownTimeout time.Duration // how long in-flight requests may finish; default 30s
}

// Serve answers on ln until ctx is done (SIGTERM in the CLI), then stops
// accepting, reports not-ready, and waits for in-flight requests to finish
// (up to ShutdownTimeout) before returning.
func (s *Server) Serve(ctx context.Context, ln net.Listener, so ServeOptions) error {
	if so.ReadTimeout <= 0 {
		so.ReadTimeout = 30 * time.Second
	}
	if so.ShutdownTimeout <= 0 {
		so.ShutdownTimeout = 30 * time.Second
	}
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       so.ReadTimeout,
		// Room for the evaluation timeout and for writing a large answer.
		WriteTimeout:   s.opts.RequestTimeout + so.ReadTimeout + 10*time.Second,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.draining.Store(true)
	sctx, cancel := context.WithTimeout(context.Background(), so.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// CheckBind refuses to expose the API beyond this machine without a
// token, unless the operator says so with noAuth.
func CheckBind(addr, token string, noAuth bool) error {
	if token != "" || noAuth {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--addr %s is reachable beyond this machine: give --token (clients send Authorization: Bearer <token>) or --no-auth", addr)
}
