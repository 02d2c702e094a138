package dist

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// startCluster starts three embedded servers routed to each other and
// returns them with the client URL list.
func startCluster(t *testing.T) ([]*server.Server, string) {
	t.Helper()
	var clients, routes, cluster []string
	for range 3 {
		clients = append(clients, freeAddr(t))
		cluster = append(cluster, freeAddr(t))
		routes = append(routes, "nats-route://"+cluster[len(cluster)-1])
	}
	servers := make([]*server.Server, 3)
	errs := make(chan error, 3)
	for i := range 3 {
		go func() {
			ns, err := StartServer(ServerOptions{Name: fmt.Sprintf("n%d", i), Listen: clients[i], StoreDir: t.TempDir(),
				ClusterName: "xiaoer-test", ClusterListen: cluster[i], Routes: routes})
			servers[i] = ns
			errs <- err
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for _, ns := range servers {
		t.Cleanup(ns.Shutdown)
	}
	waitMetaLeader(t, servers)
	return servers, "nats://" + strings.Join(clients, ",nats://")
}

func TestClusterJobSurvivesAServerStopping(t *testing.T) {
	servers, url := startCluster(t)
	start := time.Now()
	q := connect(t, url, 3)
	t.Logf("cluster ready after %s", time.Since(start))
	startWorkers(t, q, 3, &echoJudge{delay: 20 * time.Millisecond}, 2*time.Second)
	job := submitSources(t, q, 120, 2)

	// Stop the server that leads the task stream once results flow.
	info, err := q.JS.Stream(context.Background(), tasksStream)
	if err != nil {
		t.Fatal(err)
	}
	leader := info.CachedInfo().Cluster.Leader
	var got atomic.Int64
	stopped := make(chan string, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var all []int
	done, err := q.Collect(ctx, job.ID, func(_ *Job, g Group) error {
		for _, r := range g.Results {
			all = append(all, r.Input)
		}
		if got.Add(1) == 20 {
			for _, ns := range servers {
				if ns.Name() == leader {
					ns.Shutdown()
					stopped <- leader
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("collect: %v after %d results", err, got.Load())
	}
	if len(stopped) != 1 {
		t.Fatalf("the task stream's leader %q was not among the servers", leader)
	}
	checkOnce(t, all, done.Inputs)
}

func TestRestartedServerResumesJobFromItsFiles(t *testing.T) {
	addr, dir := freeAddr(t), t.TempDir()
	ns := startNode(t, addr, dir)
	url := "nats://" + addr
	q := connect(t, url, 1)
	startWorkers(t, q, 2, &echoJudge{delay: 20 * time.Millisecond}, 2*time.Second)
	job := submitSources(t, q, 100, 1)

	var n atomic.Int64
	restarted := make(chan struct{})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var inputs []int
	_, err := q.Collect(ctx, job.ID, func(_ *Job, g Group) error {
		for _, r := range g.Results {
			inputs = append(inputs, r.Input)
		}
		if n.Add(1) == 25 {
			go func() { // the server goes down mid-job and comes back on its files
				ns.Shutdown()
				ns.WaitForShutdown()
				startNode(t, addr, dir)
				close(restarted)
			}()
		}
		return nil
	})
	if err != nil {
		t.Fatalf("collect: %v after %d results", err, n.Load())
	}
	select {
	case <-restarted:
	default:
		t.Fatal("the job finished before the server restarted: nothing was tested")
	}
	checkOnce(t, inputs, 100)
}

// waitMetaLeader waits until the servers have elected a JetStream leader:
// before that, requests go unanswered.
func waitMetaLeader(t *testing.T, servers []*server.Server) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		for _, ns := range servers {
			if ns.JetStreamIsLeader() {
				return
			}
		}
	}
	t.Fatal("no JetStream meta leader after 30s")
}
