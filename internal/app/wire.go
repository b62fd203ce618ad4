package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"weerbaar/internal/audit"
	"weerbaar/internal/config"
	"weerbaar/internal/store"
)

// App holds the running parts of Weerbaar.
type App struct {
	Config config.Config
	Log    *slog.Logger
	DB     *store.DB
	Audit  *audit.Log
}

// New opens and migrates the database and builds every service.
func New(ctx context.Context, cfg config.Config, logger *slog.Logger) (*App, error) {
	db, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	a := &App{Config: cfg, Log: logger, DB: db}
	if n, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migratie: %w", err)
	} else if n > 0 {
		logger.Info("databaseschema bijgewerkt", "migraties", n)
	}
	a.Audit = audit.New(db)
	return a, nil
}

// Close releases the database.
func (a *App) Close() error { return a.DB.Close() }

// Handler is every route of Weerbaar.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", a.ready)
	return mux
}

// ready answers 200 only when the database answers.
func (a *App) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2e9)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := a.DB.PingContext(ctx); err != nil {
		a.Log.Warn("readyz: database antwoordt niet", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "database niet bereikbaar")
		return
	}
	fmt.Fprintln(w, "ok")
}
