package app_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"syscall"
	"testing"
	"time"

	"weerbaar/internal/store/storetest"
)

// Stopping the server (SIGTERM cancels the context) refuses new
// connections at once but lets a request in flight finish with its answer.
func TestShutdownFinishesTheRequestInFlightAndRefusesNewConnections(t *testing.T) {
	a, _ := newApp(storetest.SQLite(t))
	a.Config.ShutdownTimeout = 10 * time.Second
	started, release := make(chan struct{}), make(chan struct{})
	a.Web = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "klaar")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- a.Serve(ctx, ln, io.Discard) }()

	type answer struct {
		status int
		body   string
		err    error
	}
	answered := make(chan answer, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/langzaam")
		if err != nil {
			answered <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		answered <- answer{resp.StatusCode, string(b), err}
	}()
	<-started
	cancel()

	waitRefused(t, addr)
	close(release)
	got := <-answered
	if got.err != nil || got.status != http.StatusOK || got.body != "klaar" {
		t.Fatalf("request in flight: %d %q %v, want 200 klaar", got.status, got.body, got.err)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after the last request finished")
	}
}

// waitRefused waits until a new connection to addr is refused.
func waitRefused(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if errors.Is(err, syscall.ECONNREFUSED) {
			return
		}
		if err == nil {
			c.Close()
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("new connections are still accepted after shutdown began")
}
