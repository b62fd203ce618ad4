package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/config"
	"weerbaar/internal/httpx"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/scan"
	"weerbaar/internal/store"
	"weerbaar/internal/vault"
)

// App holds the running parts of Weerbaar.
type App struct {
	Config config.Config
	Log    *slog.Logger
	DB     *store.DB
	Audit  *audit.Log
	Vault  *vault.Vault // field encryption; every service that stores sensitive text uses it
	Auth   *auth.Service
	Orgs   *org.Service
	// Incidents is the meldingen service, shared by the web pages and the API.
	Incidents *incident.Service
	// Anonymous is the anonymous reporting route of the web form and the
	// API, made once: it holds the in-memory rate limiters both count on.
	Anonymous *incident.Anonymous
	// Scans runs the self-scans (its definitions are checked at start).
	Scans *scan.Service

	// API and Web are mounted by Handler when set: API under /api/, Web on
	// every other path.
	API http.Handler
	Web http.Handler

	obs *observability // metrics registry, made by Handler
}

// New opens and migrates the database and builds every service.
func New(ctx context.Context, cfg config.Config, logger *slog.Logger) (*App, error) {
	// The master key first: without one (outside demo mode) nothing starts
	// and no database file is made.
	keys, err := vault.LoadKeyring(cfg, logger)
	if err != nil {
		return nil, err
	}
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
	a.Vault = vault.New(db, keys)
	if err := a.Vault.CheckKeyring(ctx); err != nil {
		db.Close()
		return nil, err
	}
	a.Audit = audit.New(db)
	a.Auth = auth.NewService(db, a.Audit, auth.Options{Vault: a.Vault})
	a.Orgs = org.New(db)
	// Notices are e-mailed when --smtp is set (notify.go).
	notices, err := newNotices(cfg, logger, a.Auth)
	if err != nil {
		db.Close()
		return nil, err
	}
	a.Incidents = incident.New(db, a.Vault, a.Audit, incident.Options{Notify: notices.Notify, Log: logger})
	a.Anonymous = incident.NewAnonymous(a.Incidents, incident.AnonymousLimits{})
	if a.Scans, err = scan.New(db, a.Vault, a.Audit, nil); err != nil {
		db.Close()
		return nil, err
	}
	w, err := newWeb(cfg, logger, a)
	if err != nil {
		db.Close()
		return nil, err
	}
	a.Web = w
	if a.API, err = newAPI(a); err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

// Close releases the database.
func (a *App) Close() error { return a.DB.Close() }

// Handler is every route of Weerbaar, the one place routes are mounted,
// behind request metrics, the request log and panic recovery
// (internal/httpx). Call it once per server.
func (a *App) Handler() http.Handler {
	if a.obs == nil {
		a.obs = newObservability(a.DB)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", healthz)
	mux.HandleFunc("GET /readyz", a.ready)
	mux.Handle("GET /metrics", a.obs.metricsHandler(a.Log))
	// The layers New builds mount here: the JSON API under /api/, the web
	// pages on everything else. The routes above win over "/" because
	// ServeMux picks the most specific pattern. Inner muxes behind
	// middleware that copies the request wrap themselves in httpx.Routed so
	// logs and metrics name their route.
	if a.Web != nil {
		mux.Handle("/", a.Web)
	}
	return httpx.Chain(a.apiFirst(mux),
		a.obs.http.Middleware,
		httpx.AccessLog(a.Log, probeRoutes...),
		httpx.Recover(a.Log),
		httpx.ClientAddress(a.Config.TrustedProxies),
	)
}

// apiFirst hands every /api/ path to the API before the mux sees it: the
// mux would answer an unclean path such as /api/v1//mij with a redirect,
// and the API's rules ask for a problem+json 404 instead.
func (a *App) apiFirst(mux *http.ServeMux) http.Handler {
	if a.API == nil {
		return mux
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			a.API.ServeHTTP(w, r)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// probeRoutes are logged at debug level: monitoring asks every few seconds.
var probeRoutes = []string{"GET /healthz", "GET /readyz", "GET /metrics"}

// healthz answers 200 while the process runs: it says nothing about the
// database, so an orchestrator does not restart a server whose database
// is briefly away (that is what /readyz is for).
func healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintln(w, "ok")
}

// readyTimeout bounds the database check of /readyz.
const readyTimeout = 2 * time.Second

// ready answers 200 only when the database answers, 503 otherwise (also
// after Close), so a load balancer stops sending requests.
func (a *App) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := a.DB.PingContext(ctx); err != nil {
		a.Log.Warn("readyz: database antwoordt niet", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "database niet bereikbaar")
		return
	}
	fmt.Fprintln(w, "ok")
}
