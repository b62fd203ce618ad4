package webtest

import (
	"net/http"
	"strings"
	"testing"
)

// Cookie returns the Set-Cookie of r named name, or nil.
func Cookie(r *Result, name string) *http.Cookie {
	for _, c := range r.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func WantStatus(t *testing.T, r *Result, want int) {
	t.Helper()
	if r.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, want, r.Body)
	}
}

func WantBody(t *testing.T, r *Result, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(r.Body, p) {
			t.Errorf("%s %s: body lacks %q", r.Request.Method, r.Request.URL.Path, p)
		}
	}
}

func WantNotInBody(t *testing.T, r *Result, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(r.Body, p) {
			t.Errorf("%s %s: body has %q", r.Request.Method, r.Request.URL.Path, p)
		}
	}
}
