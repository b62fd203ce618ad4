package e2e

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"weerbaar/internal/app"
	"weerbaar/internal/config"
	"weerbaar/internal/vault"
)

// chromiumPath is Debian's Chromium, the browser CI installs.
const chromiumPath = "/usr/bin/chromium"

// chromiumFlags are the only switches the browser gets (plus a fresh
// --user-data-dir): no network of its own, no first-run pages.
var chromiumFlags = []string{
	"headless", "no-sandbox", "disable-gpu", "disable-background-networking",
	"disable-component-update", "disable-sync", "no-first-run", "disable-quic",
}

// journeyTimeout bounds one journey, browser start included, so a page
// that never shows what a step waits for fails instead of hanging.
const journeyTimeout = 2 * time.Minute

// tools are what the browser tests need from the machine.
type tools struct {
	root string // the module root (where go.mod is)
	axe  string // source of axe-core
}

// requireTools finds Chromium and axe-core. Without them the test is
// skipped with the reason, except in CI (CI=true), where it fails.
func requireTools(t *testing.T) tools {
	t.Helper()
	root := moduleRoot(t)
	var missing []string
	if _, err := os.Stat(chromiumPath); err != nil {
		missing = append(missing, chromiumPath+" (apt-get install chromium)")
	}
	axe, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		missing = append(missing, "node_modules/axe-core/axe.min.js (npm ci)")
	}
	if len(missing) > 0 {
		msg := "browser tests need " + strings.Join(missing, " and ")
		if ci := os.Getenv("CI"); ci != "" && ci != "false" && ci != "0" {
			t.Fatal(msg)
		}
		t.Skip("skipped: " + msg)
	}
	return tools{root: root, axe: string(axe)}
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := findModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func findModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test directory")
		}
		dir = parent
	}
}

// TestMain empties build/screenshots before a run of every journey, so the
// folder shows the pages as they are now and no page that was renamed or
// removed; a run of some journeys (-run) leaves the others' pictures.
func TestMain(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("test.run"); f != nil && f.Value.String() == "" {
		if root, err := findModuleRoot(); err == nil {
			os.RemoveAll(filepath.Join(root, "build", "screenshots"))
		}
	}
	os.Exit(m.Run())
}

// server is Weerbaar running in-process on a loopback port with its own
// temporary SQLite database.
type server struct {
	URL string // http://127.0.0.1:port, without a trailing slash
	App *app.App
}

// startServer starts Weerbaar for one test and stops it when the test ends.
// The server's log is printed only when the test fails.
func startServer(t *testing.T) *server {
	t.Helper()
	logs := &lockedBuffer{}
	dir := t.TempDir()
	cfg := config.Config{
		Addr:            "127.0.0.1:0",
		DB:              "sqlite:" + filepath.Join(dir, "weerbaar.db"),
		MasterKeyFile:   masterKeyFile(t, dir),
		ShutdownTimeout: 5 * time.Second,
		LogFormat:       "text",
	}
	ctx, cancel := context.WithCancel(context.Background())
	a, err := app.New(ctx, cfg, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		cancel()
		t.Fatalf("start Weerbaar: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cancel()
		a.Close()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.Serve(ctx, ln, io.Discard) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
		a.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	return &server{URL: "http://" + ln.Addr().String(), App: a}
}

// masterKeyFile writes a fresh vault master key, readable by its owner only.
func masterKeyFile(t *testing.T, dir string) string {
	t.Helper()
	line, err := vault.GenerateKeyLine(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "master.key")
	if err := os.WriteFile(path, []byte(line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// lockedBuffer is a log sink the server's goroutines can share.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startBrowser starts headless Chromium with a fresh profile and returns a
// context for one tab. The browser stops when the test ends, or when the
// journey runs past journeyTimeout.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chromiumPath)}
	for _, f := range chromiumFlags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	// Dutch, as Weerbaar's users see it: date fields as dd-mm-jjjj, the
	// file picker's button in Dutch, Dutch first in Accept-Language.
	opts = append(opts, chromedp.Flag("lang", "nl"), chromedp.Env("LANG=nl_NL.UTF-8", "LANGUAGE=nl"))
	opts = append(opts, chromedp.UserDataDir(t.TempDir()))
	limit, stop := context.WithTimeout(context.Background(), journeyTimeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(limit, opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		stop()
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(desktopWidth, viewportHeight), reducedMotion()); err != nil {
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	return ctx
}

// reducedMotion asks pages for prefers-reduced-motion, as many people set
// it: the NL Design System scrolls smoothly otherwise, and a click aimed
// while the page still scrolls lands beside the button.
func reducedMotion() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
		})
		return err
	})
}
