package web

import "net/http"

// contentSecurityPolicy allows nothing inline and nothing from elsewhere:
// every script, style and image comes from Weerbaar itself (images may
// also be data: URLs, which the NL Design System CSS uses for icons).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

// securityHeaders sets the headers every answer carries, before any
// handler runs, so error pages and static files have them too.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if s.IsHTTPS(r) {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// isHTTPS reports whether the person reached us over HTTPS: directly, or
// through a TLS-terminating proxy the operator declared with --base-url.
func (s *Server) IsHTTPS(r *http.Request) bool {
	return r.TLS != nil || s.https
}
