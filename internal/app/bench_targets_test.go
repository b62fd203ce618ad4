package app_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// processCPU is the user and system CPU time the process used so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func sqliteTarget() intakeTarget {
	return intakeTarget{
		name: "sqlite",
		fresh: func(b *testing.B, label string) string {
			return "sqlite:" + filepath.Join(b.TempDir(), label+".db")
		},
		note: func(ctx context.Context, db *store.DB) string {
			var mode string
			var sync int
			db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
			db.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync)
			return fmt.Sprintf("journal_mode=%s synchronous=%d (2 = FULL: fsync per commit)", mode, sync)
		},
	}
}

// postgresTarget runs on a PostgreSQL server of the benchmark's own with
// fsync, synchronous_commit and full_page_writes on, as in production; the
// test harness's server has them off, which would measure no disk at all.
// Without PostgreSQL binaries it falls back to the harness's server (and
// says so), or skips.
func postgresTarget() intakeTarget {
	var once sync.Once
	var base string
	return intakeTarget{
		name: "postgres",
		fresh: func(b *testing.B, label string) string {
			once.Do(func() { base = durablePostgres(b) })
			if base == "" {
				base = storetest.PostgresURL(b)
			}
			return createPostgresDB(b, base, label)
		},
		note: func(ctx context.Context, db *store.DB) string {
			var fsync, commit, fpw string
			db.QueryRowContext(ctx, `SHOW fsync`).Scan(&fsync)
			db.QueryRowContext(ctx, `SHOW synchronous_commit`).Scan(&commit)
			db.QueryRowContext(ctx, `SHOW full_page_writes`).Scan(&fpw)
			return fmt.Sprintf("fsync=%s synchronous_commit=%s full_page_writes=%s", fsync, commit, fpw)
		},
	}
}

// createPostgresDB makes an empty database on the server at base.
func createPostgresDB(b *testing.B, base, label string) string {
	ctx := context.Background()
	admin, err := store.Open(ctx, base+"/postgres?sslmode=disable")
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("bench_%s_%d_%d", label, os.Getpid(), time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		b.Fatal(err)
	}
	return base + "/" + name + "?sslmode=disable"
}

// durablePostgres starts PostgreSQL with durable commits in a temporary
// directory on loopback (as the postgres user when run as root, since
// initdb refuses root) and stops it when the benchmark ends. It returns
// "" when the server binaries are missing.
func durablePostgres(b *testing.B) string {
	bin := storetest.PostgresBin
	if _, err := os.Stat(filepath.Join(bin, "initdb")); err != nil {
		b.Logf("no PostgreSQL binaries in %s: using the test harness's server (fsync off)", bin)
		return ""
	}
	run := func(args ...string) error {
		cmd := exec.Command(args[0], args[1:]...)
		if os.Geteuid() == 0 {
			cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--"}, args...)...)
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %v: %s", filepath.Base(args[0]), err, out)
		}
		return nil
	}
	dir, err := os.MkdirTemp("", "weerbaar-bench-pg-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	if os.Geteuid() == 0 {
		if out, err := exec.Command("chown", "postgres:postgres", dir).CombinedOutput(); err != nil {
			b.Fatalf("chown: %v: %s", err, out)
		}
	}
	data := filepath.Join(dir, "data")
	if err := run(filepath.Join(bin, "initdb"), "-D", data, "-U", "weerbaar", "--auth=trust", "-E", "UTF8", "--locale=C"); err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=200", port, dir)
	pgctl := filepath.Join(bin, "pg_ctl")
	if err := run(pgctl, "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "start"); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { run(pgctl, "-D", data, "-m", "fast", "-w", "stop") })
	return fmt.Sprintf("postgres://weerbaar@127.0.0.1:%d", port)
}
