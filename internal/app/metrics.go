package app

import (
	"log/slog"
	"net/http"
	"runtime"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"weerbaar/internal/httpx"
	"weerbaar/internal/store"
)

// observability is the app's own Prometheus registry (never the global
// one: two apps in one test process must not share counters) and the
// request metrics registered on it.
type observability struct {
	registry *prometheus.Registry
	http     *httpx.Metrics
}

// newObservability registers Go runtime, process, database pool and
// request metrics, plus weerbaar_build_info with the version.
func newObservability(db *store.DB) *observability {
	reg := prometheus.NewRegistry()
	build := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "weerbaar_build_info",
		Help:        "Always 1; the labels say which Weerbaar runs on which database.",
		ConstLabels: prometheus.Labels{"version": Version, "goversion": runtime.Version(), "database": string(db.Dialect)},
	})
	build.Set(1)
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(db.DB, string(db.Dialect)),
		build,
	)
	return &observability{registry: reg, http: httpx.NewMetrics(reg)}
}

// metricsHandler answers Prometheus scrapes in the text format.
func (o *observability) metricsHandler(log *slog.Logger) http.Handler {
	return promhttp.HandlerFor(o.registry, promhttp.HandlerOpts{
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		Registry:          o.registry,
		EnableOpenMetrics: false,
	})
}
