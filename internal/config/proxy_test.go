package config

import (
	"io"
	"strings"
	"testing"
)

func TestTrustedProxiesAreParsedAndBadOnesRefused(t *testing.T) {
	c, err := ParseServe([]string{"--trusted-proxies", "10.0.0.0/8, 192.0.2.7"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.TrustedProxies) != 2 || c.TrustedProxies[1].String() != "192.0.2.7/32" {
		t.Fatalf("got %v", c.TrustedProxies)
	}
	_, err = ParseServe([]string{"--trusted-proxies", "proxy.example.org"}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "geen IP-adres") {
		t.Fatalf("bad proxy accepted or unclear: %v", err)
	}
}
