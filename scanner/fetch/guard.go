package fetch

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// BlockedError is a connection refused before it was made: the address the
// host name resolved to (or the literal address) is private, loopback,
// link-local or otherwise not on the public internet.
type BlockedError struct {
	Addr   netip.Addr
	Reason string
}

func (e *BlockedError) Error() string {
	return fmt.Sprintf("refused to connect to %s (%s address; --allow-private allows it)", e.Addr, e.Reason)
}

// reserved are ranges netip's predicates do not cover but that never hold a
// public item page. 100.64.0.0/10 matters in China: Alibaba Cloud serves its
// instance metadata on 100.100.100.200.
var reserved = []struct {
	prefix netip.Prefix
	reason string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "this-network"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (carrier-grade NAT, cloud metadata)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
}

// embedsIPv4 are IPv6 ranges that carry an IPv4 address a gateway connects
// to, so the IPv4 address inside is checked too.
var embedsIPv4 = []struct {
	prefix netip.Prefix
	offset int // byte offset of the IPv4 address in the IPv6 one
}{
	{netip.MustParsePrefix("64:ff9b::/96"), 12}, // NAT64
	{netip.MustParsePrefix("2002::/16"), 2},     // 6to4
}

// blockReason says why an address is not public, or "" when it is.
func blockReason(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case !a.IsValid():
		return "invalid"
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate():
		return "private"
	case a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		return "link-local"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsMulticast(), a.IsInterfaceLocalMulticast():
		return "multicast"
	case a == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "broadcast"
	}
	for _, r := range reserved {
		if r.prefix.Contains(a) {
			return r.reason
		}
	}
	for _, e := range embedsIPv4 {
		if e.prefix.Contains(a) {
			b := a.As16()
			if reason := blockReason(netip.AddrFrom4([4]byte(b[e.offset : e.offset+4]))); reason != "" {
				return reason + " (embedded in IPv6)"
			}
		}
	}
	return ""
}

// guard decides which addresses may be dialled.
type guard struct {
	allowPrivate bool
	allow        []netip.Prefix
}

// check returns a *BlockedError for an address that may not be dialled.
func (g guard) check(a netip.Addr) error {
	if g.allowPrivate {
		return nil
	}
	a = a.Unmap()
	for _, p := range g.allow {
		if p.Contains(a) {
			return nil
		}
	}
	if reason := blockReason(a); reason != "" {
		return &BlockedError{Addr: a, Reason: reason}
	}
	return nil
}

// control runs after DNS resolution and socket creation, before connect:
// every address the dialer tries, for the first request and every redirect,
// is checked here, so neither a redirect nor a host name that resolves to a
// private address (DNS rebinding) gets a packet through.
func (g guard) control(_ context.Context, _, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	return g.check(a)
}

// checkLiteral refuses a URL host that is itself a blocked IP address
// before any request is made, for a clearer error than the dial's.
func (g guard) checkLiteral(host string) error {
	a, err := netip.ParseAddr(host)
	if err != nil {
		return nil // a name: checked at dial time
	}
	return g.check(a)
}
