package dist

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// ServerOptions configures an embedded NATS server with JetStream.
type ServerOptions struct {
	Name     string // server name, unique in a cluster (default: host:port)
	Listen   string // client address, host:port (default 127.0.0.1:4222)
	StoreDir string // JetStream file storage; required
	// Cluster, when ClusterListen is set, joins the server to the routes
	// (the other servers' cluster addresses, nats-route://host:port).
	ClusterName   string
	ClusterListen string
	Routes        []string
	Logs          bool // log the server's notices to stderr
	// Token, when set, is required of every client (nats.Token, or
	// nats://TOKEN@host:port). A Listen address beyond loopback needs one,
	// or NoAuth to say the network is trusted.
	Token  string
	NoAuth bool
}

// DefaultListen is where an embedded server listens unless told otherwise:
// loopback, so that nothing outside the machine reaches it by default.
const DefaultListen = "127.0.0.1:4222"

// StartServer starts an embedded NATS server with JetStream and waits until
// it accepts clients. Stop it with Shutdown.
func StartServer(o ServerOptions) (*server.Server, error) {
	opts, err := serverOpts(o)
	if err != nil {
		return nil, err
	}
	ns, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("start nats server: %w", err)
	}
	if o.Logs {
		ns.ConfigureLogger()
	}
	go ns.Start()
	if !ns.ReadyForConnections(30 * time.Second) {
		ns.Shutdown()
		return nil, fmt.Errorf("start nats server on %s: not ready after 30s", o.Listen)
	}
	return ns, nil
}

func serverOpts(o ServerOptions) (*server.Options, error) {
	if o.StoreDir == "" {
		return nil, fmt.Errorf("start nats server: no storage directory")
	}
	if o.Listen == "" {
		o.Listen = DefaultListen
	}
	host, port, err := splitHostPort(o.Listen)
	if err != nil {
		return nil, fmt.Errorf("nats listen address %q: %w", o.Listen, err)
	}
	if err := CheckListen(o.Listen, o.Token, o.NoAuth); err != nil {
		return nil, err
	}
	opts := &server.Options{ServerName: o.Name, Host: host, Port: port, JetStream: true,
		StoreDir: o.StoreDir, NoSigs: true, NoLog: !o.Logs, MaxPayload: 8 << 20, Authorization: o.Token}
	if opts.ServerName == "" {
		opts.ServerName = o.Listen
	}
	if o.ClusterListen != "" {
		if err := clusterOpts(opts, o); err != nil {
			return nil, err
		}
	}
	return opts, nil
}

func clusterOpts(opts *server.Options, o ServerOptions) error {
	host, port, err := splitHostPort(o.ClusterListen)
	if err != nil {
		return fmt.Errorf("nats cluster address %q: %w", o.ClusterListen, err)
	}
	opts.Cluster = server.ClusterOpts{Name: o.ClusterName, Host: host, Port: port}
	for _, r := range o.Routes {
		u, err := url.Parse(r)
		if err != nil {
			return fmt.Errorf("nats route %q: %w", r, err)
		}
		opts.Routes = append(opts.Routes, u)
	}
	return nil
}

func splitHostPort(addr string) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, err
	}
	port, err := strconv.Atoi(p)
	if err != nil {
		return "", 0, fmt.Errorf("port %q: %w", p, err)
	}
	if port == 0 { // any free port, as net.Listen takes it (the server reads 0 as its default)
		port = server.RANDOM_PORT
	}
	return host, port, nil
}

// ErrNeedToken refuses a server reachable from other machines without a token.
var ErrNeedToken = errors.New("give a token (--nats-token) or say the network is trusted (--no-auth)")

// CheckListen refuses a client address beyond loopback without a token,
// unless noAuth says the network is trusted. It binds nothing.
func CheckListen(listen, token string, noAuth bool) error {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return fmt.Errorf("nats listen address %q: %w", listen, err)
	}
	if token == "" && !noAuth && !loopback(host) {
		return fmt.Errorf("nats listen address %s is reachable beyond this machine: %w", listen, ErrNeedToken)
	}
	return nil
}

// loopback reports whether host only reaches this machine ("" and 0.0.0.0
// are every interface).
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
