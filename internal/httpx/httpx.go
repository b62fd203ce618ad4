// Package httpx holds the HTTP middleware every Weerbaar route runs behind:
// panic recovery, the request log and request metrics. internal/app wraps
// the whole router in it; the web and API layers can wrap their own
// handlers the same way.
//
// Nothing here records who made a request: no client address, no user
// agent, no query string and no raw path (only the route pattern), because
// anonymous reporting must leave no trace in logs or metrics.
package httpx

import "net/http"

// Chain wraps h in the middleware in order: the first is outermost.
func Chain(h http.Handler, mw ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}

// Untraceable marks an answer of the anonymous route: never stored by a
// browser or proxy, never announced to another site through a Referer.
func Untraceable(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
}
