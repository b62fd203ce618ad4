package httpx

import (
	"context"
	"net/http"
)

// routeKey holds a *routeNote in a request's context.
type routeKey struct{}

// routeNote carries the pattern an inner mux matched back out to the
// middleware that logs and counts, past handlers that copy the request
// (r.WithContext) and so hide the copy's r.Pattern from the outside.
type routeNote struct{ pattern string }

// withRouteNote returns r with a note to carry the route pattern, reusing
// one an outer middleware already added.
func withRouteNote(r *http.Request) *http.Request {
	if _, ok := r.Context().Value(routeKey{}).(*routeNote); ok {
		return r
	}
	return r.WithContext(context.WithValue(r.Context(), routeKey{}, &routeNote{}))
}

// Routed wraps a ServeMux that sits behind other middleware (the web
// layer's sessions, language, ...) so logs and metrics name its route
// pattern ("GET /meldingen/{id}") rather than the outer catch-all "/".
func Routed(mux http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if n, ok := r.Context().Value(routeKey{}).(*routeNote); ok && r.Pattern != "" {
			n.pattern = r.Pattern
		}
	})
}

// Route is the label for r in logs and metrics: the pattern a ServeMux
// matched ("GET /incidents/{id}"), never the path itself, which can hold
// identifiers or receipt codes. Read it after the handler ran: the mux sets
// r.Pattern while routing. Requests no pattern matched share one label, so
// random paths cannot grow the metrics.
func Route(r *http.Request) string {
	if n, ok := r.Context().Value(routeKey{}).(*routeNote); ok && n.pattern != "" {
		return n.pattern
	}
	if r.Pattern == "" {
		return "unmatched"
	}
	return r.Pattern
}
