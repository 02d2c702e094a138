package cli

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/scanner/dist"
)

// jobsFlags are serve's flags for distributed jobs: the embedded NATS
// server, or an external cluster.
func jobsFlags() []cli.Flag {
	return []cli.Flag{
		natsFlag(),
		natsTokenFlag(),
		replicasFlag(),
		&cli.StringFlag{Name: "nats-listen", Value: dist.DefaultListen, Usage: "client address of the embedded NATS server (not started when --nats names a cluster); anything but loopback needs --nats-token or --no-auth"},
		&cli.StringFlag{Name: "data-dir", Usage: "where the embedded NATS server keeps its JetStream files (default: xiaoer/nats in the user cache directory)"},
		&cli.BoolFlag{Name: "allow-private", Usage: "let workers fetch private, loopback and link-local addresses for jobs submitted over HTTP"},
	}
}

// jobs is what serve runs for /v1/jobs.
type jobs struct {
	handlers   map[string]http.Handler
	collectors []prometheus.Collector
	stop       func()
}

// startJobs starts the embedded NATS server with JetStream (unless --nats
// names a cluster), connects to it and builds the job endpoints.
func startJobs(c *cli.Context, set *scanSettings) (*jobs, error) {
	url := c.String("nats")
	var ns *server.Server
	if url == "" {
		dir, err := dataDir(c)
		if err != nil {
			return nil, err
		}
		if ns, err = dist.StartServer(dist.ServerOptions{Listen: c.String("nats-listen"), StoreDir: dir,
			Token: c.String("nats-token"), NoAuth: c.Bool("no-auth")}); err != nil {
			return nil, fmt.Errorf("--nats-listen %s: %w", c.String("nats-listen"), err)
		}
		url = ns.ClientURL()
		fmt.Fprintf(c.App.ErrWriter, "xiaoer: NATS JetStream on %s (files in %s); start workers with: xiaoer worker --nats %s%s\n", url, dir, url, tokenHint(c))
	}
	q, err := dist.Connect(c.Context, url, c.String("nats-token"), "xiaoer serve", c.Int("nats-replicas"))
	if err != nil {
		if ns != nil {
			ns.Shutdown()
		}
		return nil, err
	}
	metrics := dist.NewMetrics(q)
	h := (&dist.JobsHandler{Queue: q, Apply: set.gate.Apply, Metrics: metrics,
		Fetch: dist.FetchSpec{AllowPrivate: c.Bool("allow-private")}}).Handler()
	stop := func() {
		q.Close()
		if ns != nil {
			ns.Shutdown()
			ns.WaitForShutdown()
		}
	}
	return &jobs{handlers: map[string]http.Handler{"/v1/jobs": h, "/v1/jobs/": h}, collectors: []prometheus.Collector{metrics}, stop: stop}, nil
}

// dataDir is --data-dir, or xiaoer/nats in the user cache directory.
func dataDir(c *cli.Context) (string, error) {
	if dir := c.String("data-dir"); dir != "" {
		return dir, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("--data-dir: no user cache directory (%w): name one", err)
	}
	return filepath.Join(cache, "xiaoer", "nats"), nil
}

// tokenHint completes the workers' command line when the server wants a token.
func tokenHint(c *cli.Context) string {
	if c.String("nats-token") == "" {
		return ""
	}
	return " (and --nats-token or XIAOER_NATS_TOKEN)"
}
