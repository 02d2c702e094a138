package cli

import (
	"fmt"
	"net"
	"os/signal"
	"runtime"
	"slices"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/scanner/dist"
	"github.com/xiaoer-dev/xiaoer/scanner/serve"
)

// newServeCommand builds `xiaoer serve`: the HTTP API and the sellers' web
// page, with the same config, user policies and data as scan.
func newServeCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "address to listen on; anything but loopback needs --token or --no-auth"},
		&cli.StringFlag{Name: "token", EnvVars: []string{"XIAOER_TOKEN"}, Usage: "require Authorization: Bearer `TOKEN` on /v1/ and /metrics"},
		&cli.BoolFlag{Name: "no-auth", Usage: "serve a non-loopback --addr or --nats-listen without a token (a trusted network, or behind your own proxy)"},
		&cli.StringSliceFlag{Name: "cors-origin", Usage: "browser origin allowed to call the API (repeatable; default none)"},
		&cli.Int64Flag{Name: "max-body", Value: serve.DefaultMaxBody, Usage: "request body limit in bytes"},
		&cli.IntFlag{Name: "max-inflight", Value: runtime.GOMAXPROCS(0), Usage: "evaluations at once (default: the number of CPUs); beyond it requests wait in a bounded queue, then get 503"},
		&cli.IntFlag{Name: "max-queue", Value: serve.DefaultMaxQueue, Usage: "requests that may wait for an evaluation slot"},
		&cli.DurationFlag{Name: "queue-wait", Value: serve.DefaultQueueWait, Usage: "longest wait for an evaluation slot before 503"},
		&cli.DurationFlag{Name: "request-timeout", Value: serve.DefaultRequestTimeout, Usage: "evaluation time limit of one request"},
		&cli.DurationFlag{Name: "read-timeout", Value: 30 * time.Second, Usage: "time limit for reading a request"},
		&cli.DurationFlag{Name: "shutdown-timeout", Value: 30 * time.Second, Usage: "on SIGTERM, how long in-flight requests may finish"},
		nowFlag,
	}
	return &cli.Command{
		Name:   "serve",
		Usage:  "serve the checker over HTTP (API for editors and ERPs) and the sellers' web page at /",
		Flags:  slices.Concat(flags, settingsFlags(), jobsFlags()), // --nats...: serve_jobs.go
		Action: runServe,
	}
}

func runServe(c *cli.Context) error {
	addr := c.String("addr")
	if err := serve.CheckBind(addr, c.String("token"), c.Bool("no-auth")); err != nil {
		return cli.Exit(err.Error(), 2)
	}
	if c.String("nats") == "" { // before anything binds or compiles
		if err := dist.CheckListen(c.String("nats-listen"), c.String("nats-token"), c.Bool("no-auth")); err != nil {
			return cli.Exit("--nats-listen: "+err.Error(), 2)
		}
	}
	set, checker, err := loadChecker(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	now, _ := clock(c) // checked by newScanChecker
	jobs, err := startJobs(c, set)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	defer jobs.stop()
	srv, err := serve.New(serve.Options{
		Handlers: jobs.handlers, Collectors: jobs.collectors,
		Checker:  serve.NewChecker(checker, set.gate, tool(checker), now),
		Platform: set.platform, Token: c.String("token"), CORSOrigins: c.StringSlice("cors-origin"),
		MaxBodyBytes: c.Int64("max-body"), MaxInFlight: c.Int("max-inflight"), MaxQueue: c.Int("max-queue"),
		QueueWait: c.Duration("queue-wait"), RequestTimeout: c.Duration("request-timeout"),
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return cli.Exit(fmt.Sprintf("--addr: %v", err), 2)
	}
	ctx, stop := signal.NotifyContext(c.Context, syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	fmt.Fprintf(c.App.ErrWriter, "xiaoer: serving on http://%s (page at /, API under /v1/, %d rules)\n", ln.Addr(), len(checker.Engine.Rules()))
	err = srv.Serve(ctx, ln, serve.ServeOptions{ReadTimeout: c.Duration("read-timeout"), ShutdownTimeout: c.Duration("shutdown-timeout")})
	fmt.Fprintln(c.App.ErrWriter, "xiaoer: stopped")
	return err
}
