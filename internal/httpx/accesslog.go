package httpx

import (
	"log/slog"
	"net/http"
	"slices"
	"time"
)

// AccessLog writes one structured line per request: method, route pattern,
// status, duration and response size.
//
// It deliberately leaves out the client address, the user agent, the query
// string, the raw path and every header: someone who reports anonymously
// must not be traceable through our logs, and paths or queries can carry
// receipt codes and tokens.
//
// Requests to the quiet route patterns (health probes, metrics scrapes)
// are logged at debug level, so probes every few seconds do not drown the
// log; errors are logged at error level whatever the route.
func AccessLog(log *slog.Logger, quiet ...string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			r = withRouteNote(r)
			rec := newRecorder(w)
			next.ServeHTTP(rec, r)
			route := Route(r)
			level := slog.LevelInfo
			switch {
			case rec.Status() >= 500:
				level = slog.LevelError
			case slices.Contains(quiet, route):
				level = slog.LevelDebug
			}
			log.LogAttrs(r.Context(), level, "http",
				slog.String("method", r.Method),
				slog.String("route", route),
				slog.Int("status", rec.Status()),
				slog.Duration("duration", time.Since(start)),
				slog.Int64("bytes", rec.bytes),
			)
		})
	}
}
