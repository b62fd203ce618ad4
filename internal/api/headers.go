package api

import "net/http"

// setCommonHeaders sets what every API response carries: the version (NL
// API Design Rules /core/version-header), no caching (nearly every answer
// holds personal data; the OpenAPI document overrides it) and the security
// headers the rules name for APIs (/core/transport/security-headers).
func setCommonHeaders(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("API-Version", Version)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	h.Set("Referrer-Policy", "no-referrer")
	if r.TLS != nil {
		h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
	}
}
