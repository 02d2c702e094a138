package dist

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestServerWithTokenRefusesClientsWithoutIt(t *testing.T) {
	ns, err := StartServer(ServerOptions{Listen: "127.0.0.1:-1", StoreDir: t.TempDir(), Token: "s3cret-token"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ns.Shutdown)
	url := ns.ClientURL()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, token := range []string{"", "wrong-token"} {
		if q, err := Connect(ctx, url, token, t.Name(), 1); err == nil {
			q.Close()
			t.Errorf("token %q: connected to a server that wants another", token)
		} else if !strings.Contains(strings.ToLower(err.Error()), "authorization") {
			t.Errorf("token %q: error %q does not say authorization", token, err)
		}
	}
	q, err := Connect(ctx, url, "s3cret-token", t.Name(), 1)
	if err != nil {
		t.Fatalf("with the token: %v", err)
	}
	q.Close()
	inURL := strings.Replace(url, "nats://", "nats://s3cret-token@", 1)
	q, err = Connect(ctx, inURL, "", t.Name(), 1)
	if err != nil {
		t.Fatalf("with the token in the URL %s: %v", inURL, err)
	}
	q.Close()
}

// Addresses beyond loopback are refused before anything binds (serverOpts
// only builds the options), unless a token or NoAuth is given.
func TestListenBeyondLoopbackNeedsToken(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:4222", ":4222", "[::]:4222", "192.0.2.10:4222", "example.org:4222"} {
		_, err := serverOpts(ServerOptions{Listen: addr, StoreDir: t.TempDir()})
		if !errors.Is(err, ErrNeedToken) {
			t.Errorf("%s without a token: %v, want ErrNeedToken", addr, err)
		}
		opts, err := serverOpts(ServerOptions{Listen: addr, StoreDir: t.TempDir(), Token: "tk"})
		if err != nil || opts.Authorization != "tk" {
			t.Errorf("%s with a token: %v, authorization %q", addr, err, opts.Authorization)
		}
		opts, err = serverOpts(ServerOptions{Listen: addr, StoreDir: t.TempDir(), NoAuth: true})
		if err != nil || opts.Authorization != "" {
			t.Errorf("%s with NoAuth: %v", addr, err)
		}
	}
	for _, addr := range []string{"127.0.0.1:4222", "localhost:4222", "[::1]:4222"} {
		if _, err := serverOpts(ServerOptions{Listen: addr, StoreDir: t.TempDir()}); err != nil {
			t.Errorf("loopback %s without a token: %v", addr, err)
		}
	}
}
