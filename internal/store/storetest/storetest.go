// Package storetest gives tests a fresh, migrated database on SQLite and,
// where its binaries are installed, on a PostgreSQL server that the harness
// starts itself in a temporary directory on a loopback port.
//
// A package that uses Each calls Main from its TestMain, so one PostgreSQL
// server serves all of that package's tests and is stopped afterwards.
package storetest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"weerbaar/internal/store"
)

// PostgresBin is where Debian's PostgreSQL 15 puts its server binaries.
var PostgresBin = "/usr/lib/postgresql/15/bin"

var (
	pgOnce   sync.Once
	pgURL    string // base URL without database name, empty when unavailable
	pgReason string // why PostgreSQL is not available
	pgStop   func()
	dbSeq    atomic.Int64
)

// Main runs the package's tests and stops the PostgreSQL server, if one
// was started. Use it as: func TestMain(m *testing.M) { storetest.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	if pgStop != nil {
		pgStop()
	}
	os.Exit(code)
}

// Each runs fn once per database: "sqlite", then "postgres". Each run gets
// its own empty database with every migration applied. Outside CI a missing
// PostgreSQL is skipped with the reason; in CI (CI=true) it fails the test.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// EachUnmigrated is Each without the migrations, for migration tests.
func EachUnmigrated(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, open(t, sqliteDSN(t), false)) })
	t.Run("postgres", func(t *testing.T) { fn(t, open(t, postgresDSN(t), false)) })
}

// SQLite returns a migrated SQLite database in a temporary file.
func SQLite(t testing.TB) *store.DB { return open(t, sqliteDSN(t), true) }

// Postgres returns a migrated, newly created PostgreSQL database.
func Postgres(t testing.TB) *store.DB { return open(t, postgresDSN(t), true) }

func sqliteDSN(t testing.TB) string {
	return "sqlite:" + filepath.Join(t.TempDir(), "weerbaar.db")
}

func postgresDSN(t testing.TB) string {
	t.Helper()
	base := PostgresURL(t)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), dbSeq.Add(1))
	ctx := context.Background()
	admin, err := store.Open(ctx, base+"/postgres?sslmode=disable")
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("postgres: create database: %v", err)
	}
	return base + "/" + name + "?sslmode=disable"
}

func open(t testing.TB, dsn string, migrate bool) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	t.Cleanup(func() { db.Close() })
	if migrate {
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatalf("migrate: %v", err)
		}
	}
	return db
}

// PostgresURL returns "postgres://user@127.0.0.1:port" of the harness's
// server, starting it on first use, or skips (fails in CI) the test.
func PostgresURL(t testing.TB) string {
	t.Helper()
	pgOnce.Do(startPostgres)
	if pgURL == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL is required in CI: %s", pgReason)
		}
		t.Skipf("PostgreSQL skipped: %s", pgReason)
	}
	return pgURL
}

// startPostgres runs initdb and pg_ctl as the postgres user (initdb refuses
// root) on a directory that user owns, listening on loopback only.
func startPostgres() {
	if v := os.Getenv("WEERBAAR_TEST_POSTGRES"); v != "" {
		pgURL = v
		return
	}
	initdb := filepath.Join(PostgresBin, "initdb")
	if _, err := os.Stat(initdb); err != nil {
		pgReason = "no PostgreSQL server binaries in " + PostgresBin + " (apt-get install postgresql)"
		return
	}
	stopOrphans()
	dir, err := os.MkdirTemp("", "weerbaar-pg-")
	if err != nil {
		pgReason = err.Error()
		return
	}
	// The owner file lets a later run stop this server if this test
	// binary is killed before Main can (a timeout, ^C).
	if err := os.WriteFile(filepath.Join(dir, "owner"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		pgReason = err.Error()
		return
	}
	if os.Geteuid() == 0 {
		if out, err := exec.Command("chown", "postgres:postgres", dir).CombinedOutput(); err != nil {
			pgReason = fmt.Sprintf("chown %s: %v: %s", dir, err, out)
			return
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := asPostgres(initdb, "-D", data, "-U", "weerbaar", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C").CombinedOutput(); err != nil {
		pgReason = fmt.Sprintf("initdb: %v: %s", err, out)
		return
	}
	port := freePort()
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", port, dir)
	pgctl := filepath.Join(PostgresBin, "pg_ctl")
	if out, err := asPostgres(pgctl, "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "start").CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		pgReason = fmt.Sprintf("pg_ctl start: %v: %s %s", err, out, log)
		return
	}
	pgURL = "postgres://weerbaar@127.0.0.1:" + strconv.Itoa(port)
	pgStop = func() {
		asPostgres(pgctl, "-D", data, "-m", "immediate", "-w", "stop").Run()
		os.RemoveAll(dir)
	}
	// Wait until it accepts connections.
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port)); err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func asPostgres(args ...string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--"}, args...)...)
	}
	return exec.Command(args[0], args[1:]...)
}

// stopOrphans stops and removes the servers of earlier test binaries that
// died without stopping theirs (their owner process is gone).
func stopOrphans() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "weerbaar-pg-*"))
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, "owner"))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(string(b))
		if err != nil || processAlive(pid) {
			continue
		}
		asPostgres(filepath.Join(PostgresBin, "pg_ctl"), "-D", filepath.Join(dir, "data"), "-m", "immediate", "-w", "stop").Run()
		os.RemoveAll(dir)
	}
}

// processAlive reports whether pid runs (Linux: it has a /proc entry).
func processAlive(pid int) bool {
	_, err := os.Stat("/proc/" + strconv.Itoa(pid))
	return err == nil
}

func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 55432
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
