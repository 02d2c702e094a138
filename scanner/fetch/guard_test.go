package fetch

import (
	"context"
	"errors"
	"net/netip"
	"testing"
)

func TestBlockReason(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"127.0.0.1":          "loopback",
		"::1":                "loopback",
		"10.0.0.1":           "private",
		"172.16.5.4":         "private",
		"192.168.1.1":        "private",
		"fd00::1":            "private",
		"169.254.169.254":    "link-local",
		"fe80::1":            "link-local",
		"0.0.0.0":            "unspecified",
		"::":                 "unspecified",
		"100.100.100.200":    "shared (carrier-grade NAT, cloud metadata)",
		"239.1.2.3":          "multicast",
		"::ffff:10.1.2.3":    "private",
		"64:ff9b::a00:1":     "private (embedded in IPv6)",
		"2002:a9fe:a9fe::":   "link-local (embedded in IPv6)",
		"140.205.94.189":     "",
		"2400:3200::1":       "",
		"64:ff9b::8ccd:5ebd": "",
	}
	for addr, want := range tests {
		if got := blockReason(netip.MustParseAddr(addr)); got != want {
			t.Errorf("blockReason(%s) = %q, want %q", addr, got, want)
		}
	}
}

func TestGuardAllowList(t *testing.T) {
	t.Parallel()
	g := guard{allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}
	if err := g.control(context.Background(), "tcp4", "127.0.0.1:8080", nil); err != nil {
		t.Errorf("allowed address refused: %v", err)
	}
	for _, addr := range []string{"127.0.0.2:80", "10.0.0.1:80", "[::1]:443", "169.254.169.254:80"} {
		var blocked *BlockedError
		if err := g.control(context.Background(), "tcp", addr, nil); !errors.As(err, &blocked) {
			t.Errorf("%s: err = %v, want *BlockedError", addr, err)
		}
	}
	if err := (guard{allowPrivate: true}).control(context.Background(), "tcp", "10.0.0.1:80", nil); err != nil {
		t.Errorf("allowPrivate: %v", err)
	}
}
