package httpx

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ClientAddress makes r.RemoteAddr the visitor's address when the request
// came through one of the trusted reverse proxies, so rate limits count
// per visitor and not per proxy. It walks X-Forwarded-For from the right
// and stops at the first hop that is not a trusted proxy: entries left of
// it could have been written by anyone. Without trusted proxies it changes
// nothing. The address is only passed on to the rate limiters; it is never
// logged (see the package comment).
func ClientAddress(trusted []netip.Prefix) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		if len(trusted) == 0 {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if addr, ok := forwardedClient(r, trusted); ok {
				r2 := *r
				r2.RemoteAddr = net.JoinHostPort(addr.String(), "0")
				r = &r2
			}
			next.ServeHTTP(w, r)
		})
	}
}

func forwardedClient(r *http.Request, trusted []netip.Prefix) (netip.Addr, bool) {
	peer, ok := hostAddr(r.RemoteAddr)
	if !ok || !isTrusted(peer, trusted) {
		return netip.Addr{}, false
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(h, ",")...)
	}
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		client = a.Unmap()
		if !isTrusted(client, trusted) {
			break
		}
	}
	return client, client != peer
}

func hostAddr(remote string) (netip.Addr, bool) {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	a, err := netip.ParseAddr(host)
	return a.Unmap(), err == nil
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// ClientHost is the address a rate limiter counts: r.RemoteAddr (set by
// ClientAddress behind a trusted proxy) without the port, which changes
// with every connection. Never stored or logged.
func ClientHost(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
