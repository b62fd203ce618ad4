package httpx

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestClientAddressTrustsOnlyConfiguredProxies(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	for _, tc := range []struct {
		name, remote, xff, want string
	}{
		{"no proxy configured hop", "198.51.100.7:5000", "203.0.113.1", "198.51.100.7:5000"},
		{"through the trusted proxy", "10.0.0.2:5000", "203.0.113.1", "203.0.113.1:0"},
		{"spoofed left entry ignored", "10.0.0.2:5000", "192.0.2.66, 203.0.113.1", "203.0.113.1:0"},
		{"two trusted proxies", "10.0.0.2:5000", "203.0.113.1, 10.0.0.9", "203.0.113.1:0"},
		{"garbage stops the walk", "10.0.0.2:5000", "nonsense", "10.0.0.2:5000"},
		{"no header", "10.0.0.2:5000", "", "10.0.0.2:5000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			h := ClientAddress(trusted)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.RemoteAddr }))
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tc.remote
			if tc.xff != "" {
				r.Header.Set("X-Forwarded-For", tc.xff)
			}
			h.ServeHTTP(httptest.NewRecorder(), r)
			if got != tc.want {
				t.Fatalf("RemoteAddr %q, want %q", got, tc.want)
			}
		})
	}
}
