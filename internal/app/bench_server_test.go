package app_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/app"
	"weerbaar/internal/config"
)

// serverChild is the intake benchmark's server in a process of its own,
// so its CPU time is the server's alone (the load generator and the bare
// insert stay in the benchmark's process).
type serverChild struct {
	url string
	cmd *exec.Cmd
}

// startServerChild runs Weerbaar on dsn in a child process (this test
// binary, TestIntakeServerChild) and waits until it listens.
func startServerChild(b testing.TB, dsn string) *serverChild {
	cmd := exec.Command(os.Args[0], "-test.run", "^TestIntakeServerChild$")
	cmd.Env = append(os.Environ(), "WEERBAAR_BENCH_SERVE="+dsn)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { stdin.Close(); cmd.Wait() }) // EOF on stdin stops it
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "listening "); ok {
			go io.Copy(io.Discard, out)
			return &serverChild{url: u, cmd: cmd}
		}
	}
	b.Fatal("server child ended before listening")
	return nil
}

// cpu is the child's user and system CPU time so far (/proc, in ticks
// of 10 ms: a run of thousands of requests makes that fine enough).
func (c *serverChild) cpu() time.Duration {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", c.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	s := string(stat)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:]) // fields from 3 on
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * 10 * time.Millisecond
}

// TestIntakeServerChild is the server of startServerChild; it does nothing
// unless WEERBAAR_BENCH_SERVE names the database. With
// WEERBAAR_BENCH_SERVER_PROFILE=file it writes the server's CPU profile:
//
//	WEERBAAR_BENCH_SERVER_PROFILE=/tmp/srv.prof go test ./internal/app -run '^$' \
//	    -bench 'IntakeHTTP/sqlite/intake/clients=64' -o /tmp/app.test
//	go tool pprof -top /tmp/app.test /tmp/srv.prof
func TestIntakeServerChild(t *testing.T) {
	dsn := os.Getenv("WEERBAAR_BENCH_SERVE")
	if dsn == "" {
		t.Skip("only as the intake benchmark's server process")
	}
	cfg := config.Config{Addr: "127.0.0.1:0", DB: dsn, Demo: true, ShutdownTimeout: 5 * time.Second, LogFormat: "text"}
	a, err := app.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if path := os.Getenv("WEERBAAR_BENCH_SERVER_PROFILE"); path != "" {
		f, err := os.Create(path) // the server's CPU profile, for go tool pprof
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { io.Copy(io.Discard, os.Stdin); cancel() }()
	fmt.Printf("listening http://%s\n", ln.Addr())
	if err := a.Serve(ctx, ln, io.Discard); err != nil {
		t.Error(err)
	}
	a.Close()
}
