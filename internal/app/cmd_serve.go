package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"weerbaar/internal/config"
)

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// A mistake in the flags comes back as *config.UsageError, not yet
	// printed: Run prints it once and exits with status 2.
	cfg, err := config.ParseServe(args, stderr)
	if err != nil {
		return err
	}
	logger := newLogger(cfg.LogFormat, stderr)
	a, err := New(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer a.Close()
	if cfg.Demo {
		if err := a.startDemo(ctx, stdout); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("luisteren op %s: %w", cfg.Addr, err)
	}
	return a.Serve(ctx, ln, stdout)
}

func newLogger(format string, w io.Writer) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// Serve answers HTTP on ln until ctx ends, then stops taking new requests
// and lets those in flight finish within the shutdown timeout.
func (a *App) Serve(ctx context.Context, ln net.Listener, stdout io.Writer) error {
	srv := &http.Server{
		Handler:           a.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(a.Log.Handler(), slog.LevelWarn),
	}
	url := "http://" + ln.Addr().String() + "/"
	a.Log.Info("weerbaar gestart", "url", url, "db", a.DB.DSN, "demo", a.Config.Demo)
	fmt.Fprintf(stdout, "Weerbaar draait op %s\n", url)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	go a.housekeeping(ctx)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	a.Log.Info("stoppen: lopende verzoeken afronden", "timeout", a.Config.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), a.Config.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close() // the timeout passed: cut the requests still running
		return fmt.Errorf("afsluiten na %s: %w", a.Config.ShutdownTimeout, err)
	}
	a.Log.Info("gestopt")
	return nil
}
