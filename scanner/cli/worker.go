package cli

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/scanner/dist"
	"github.com/xiaoer-dev/xiaoer/scanner/fetch"
)

func newWorkerCommand() *cli.Command {
	flags := []cli.Flag{
		natsFlag(),
		natsTokenFlag(),
		replicasFlag(),
		&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: "tasks judged at once (default: number of CPUs)"},
		&cli.DurationFlag{Name: "ack-wait", Value: dist.DefaultAckWait, Usage: "how long a task may go without word from its worker before it is handed to another"},
	}
	return &cli.Command{
		Name:  "worker",
		Usage: "judge scan tasks from a NATS JetStream queue (submitted by scan --nats or POST /v1/jobs) until SIGTERM",
		Description: "A worker judges with the same engine as scan: start it with the config, --policy and --data the scans should use.\n" +
			"SIGTERM or Ctrl-C drains it: it takes no new task, finishes and stores the ones it holds, and exits.",
		Flags:  append(flags, settingsFlags()...),
		Action: runWorker,
	}
}

func runWorker(c *cli.Context) error {
	if c.String("nats") == "" {
		return cli.Exit("worker: give --nats URL (the server of xiaoer serve, or your NATS cluster)", 2)
	}
	set, err := loadSettings(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	checker, err := newScanChecker(c, set, nil)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	q, err := dist.Connect(c.Context, c.String("nats"), c.String("nats-token"), "xiaoer worker", c.Int("nats-replicas"))
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	defer q.Close()
	host, _ := os.Hostname()
	w := &dist.Worker{Queue: q, Workers: c.Int("workers"), AckWait: c.Duration("ack-wait"),
		Name: fmt.Sprintf("%s/%d", host, os.Getpid()), Log: c.App.ErrWriter,
		Judge: &dist.ScanJudge{Checker: checker, UserAgent: fetch.UserAgent(binaryVersion())}}
	ctx, stop := signal.NotifyContext(c.Context, syscall.SIGTERM, os.Interrupt)
	defer stop()
	fmt.Fprintf(c.App.ErrWriter, "xiaoer worker: taking tasks from %s\n", c.String("nats"))
	start := time.Now()
	restoreGC := tuneGCForListings() // a worker judges listings as a scan does
	err = w.Run(ctx)
	restoreGC()
	fmt.Fprintf(c.App.ErrWriter, "xiaoer worker: stopped after %d tasks in %s\n", w.Done.Load(), time.Since(start).Round(time.Second))
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("worker: %w", err)
	}
	return nil
}

// natsFlag names the NATS servers of a distributed scan.
func natsFlag() cli.Flag {
	return &cli.StringFlag{Name: "nats", EnvVars: []string{"XIAOER_NATS"}, Usage: "NATS server URL(s), comma-separated: work through its JetStream queue (xiaoer serve embeds one on " + dist.DefaultListen + ")"}
}

// natsTokenFlag is the NATS servers' token: what serve's embedded server
// requires with the same flag, and what clients send.
func natsTokenFlag() cli.Flag {
	return &cli.StringFlag{Name: "nats-token", EnvVars: []string{"XIAOER_NATS_TOKEN"}, Usage: "NATS token (serve: required of workers and scans; needed for a --nats-listen beyond loopback unless --no-auth)"}
}

// replicasFlag sets the copies of the queue's streams, when this process
// is the first to use the cluster.
func replicasFlag() cli.Flag {
	return &cli.IntFlag{Name: "nats-replicas", Value: 1, Usage: "copies of each stream when this process creates them (3 on a 3-node cluster)"}
}
