package api

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// testServer is the API mounted on a mux the way internal/app's Handler
// mounts it (under /api/), listening on loopback.
type testServer struct {
	*httptest.Server
	api *Server
}

func newTestServer(t testing.TB, d Deps) *testServer {
	t.Helper()
	api, err := New(d)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, api: api}
}

// response is a finished response with its body read.
type response struct {
	*http.Response
	body []byte
}

// problem decodes a problem+json body.
func (r response) problem(t testing.TB) problemDoc {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("%s %s: Content-Type %q, want application/problem+json; body %s",
			r.Request.Method, r.Request.URL.Path, ct, r.body)
	}
	var p problemDoc
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("problem: %v: %s", err, r.body)
	}
	if p.Status != r.StatusCode || p.Title == "" || p.Detail == "" || p.Type == "" || p.Instance != r.Request.URL.Path {
		t.Errorf("problem incomplete or inconsistent with status %d and path %s: %+v", r.StatusCode, r.Request.URL.Path, p)
	}
	return p
}

// decode decodes a JSON body into v.
func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Fatalf("Content-Type %q, want application/json; body %s", ct, r.body)
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode: %v: %s", err, r.body)
	}
}

// do sends a request; body is JSON-encoded unless it is a string or nil.
func (s *testServer) do(t testing.TB, method, path, token string, body any, header ...string) response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewBufferString(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{Response: res, body: b}
}

func (s *testServer) get(t testing.TB, path, token string, header ...string) response {
	t.Helper()
	return s.do(t, "GET", path, token, nil, header...)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// mustNew is the API on d, failing the test when it cannot be built.
func mustNew(t testing.TB, d Deps) *Server {
	t.Helper()
	s, err := New(d)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
