package app_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/app"
	"weerbaar/internal/config"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// Figures only; nothing here asserts a time or a size.
//
//	go test ./internal/app -run '^$' -bench . -benchtime 5x

func benchConfig(b *testing.B) config.Config {
	return config.Config{
		Addr:            "127.0.0.1:0",
		DB:              "sqlite:" + filepath.Join(b.TempDir(), "weerbaar.db"),
		Demo:            true, // the demo master key: no key file to make
		ShutdownTimeout: 5 * time.Second,
		LogFormat:       "text",
	}
}

// startServer runs a on a loopback port; stop ends it and closes a.
func startServer(b *testing.B, a *app.App) (url string, stop func()) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Serve(ctx, ln, io.Discard) }()
	return "http://" + ln.Addr().String(), func() {
		cancel()
		<-done
		a.Close()
	}
}

// waitReady polls /readyz until it answers 200.
func waitReady(b testing.TB, url string) {
	client := &http.Client{Timeout: time.Second}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		resp, err := client.Get(url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(time.Millisecond)
	}
	b.Fatal("/readyz never answered 200")
}

// Cold start on a fresh SQLite file: app.New (open, apply every migration
// with the reference data, build the services), then listening until
// /readyz answers 200.
func BenchmarkColdStartSQLite(b *testing.B) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	var built, ready time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		cfg := benchConfig(b)
		b.StartTimer()
		start := time.Now()
		a, err := app.New(context.Background(), cfg, logger)
		if err != nil {
			b.Fatal(err)
		}
		built += time.Since(start)
		url, stop := startServer(b, a)
		waitReady(b, url)
		ready += time.Since(start)
		b.StopTimer()
		stop()
		b.StartTimer()
	}
	b.ReportMetric(float64(built.Milliseconds())/float64(b.N), "ms-in-app.New")
	b.ReportMetric(float64(ready.Milliseconds())/float64(b.N), "ms-to-ready")
}

// The migrations alone: open a fresh SQLite file and apply every migration
// (schema and reference data), each in its own fsync'ed transaction.
func BenchmarkMigrateFreshSQLite(b *testing.B) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dsn := benchConfig(b).DB
		b.StartTimer()
		db, err := store.Open(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}

// The same on PostgreSQL (the test harness's local server, fsync off, so
// this is the work of the statements rather than of the disk).
func BenchmarkMigrateFreshPostgres(b *testing.B) {
	ctx := context.Background()
	base := storetest.PostgresURL(b)
	admin, err := store.Open(ctx, base+"/postgres?sslmode=disable")
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		name := fmt.Sprintf("bench_%d_%d", os.Getpid(), i)
		if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		db, err := store.Open(ctx, base+"/"+name+"?sslmode=disable")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		admin.ExecContext(ctx, "DROP DATABASE "+name)
		b.StartTimer()
	}
}

// Memory of an idle server after start, one request to /readyz and a GC:
// the Go heap in use and the resident set of the whole test process.
func BenchmarkIdleServerMemory(b *testing.B) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	var heap, rss float64
	for i := 0; i < b.N; i++ {
		a, err := app.New(context.Background(), benchConfig(b), logger)
		if err != nil {
			b.Fatal(err)
		}
		url, stop := startServer(b, a)
		waitReady(b, url)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = float64(ms.HeapInuse) / (1 << 20)
		rss = residentMiB(b)
		stop()
	}
	b.ReportMetric(heap, "MiB-heap-inuse")
	b.ReportMetric(rss, "MiB-rss")
}

// residentMiB reads VmRSS from /proc/self/status (Linux).
func residentMiB(b *testing.B) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		b.Skipf("no /proc: %v", err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err != nil {
				b.Fatal(err)
			}
			return float64(kb) / 1024
		}
	}
	b.Fatal("VmRSS not found")
	return 0
}
