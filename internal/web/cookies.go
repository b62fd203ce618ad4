package web

import (
	"net/http"
	"time"
)

// Cookie base names. Over HTTPS each gets the __Host- prefix, which
// browsers only accept with Secure, Path=/ and no Domain, so no other
// site or subdomain can plant or read it.
const (
	CookieSession = "weerbaar-sessie"
	CookiePending = "weerbaar-inloggen" // between password and second factor
	CookieLang    = "weerbaar-taal"
	cookieFlash   = "weerbaar-melding"
)

// cookieName returns the name a cookie has on this request.
func (s *Server) cookieName(r *http.Request, base string) string {
	if s.IsHTTPS(r) {
		return "__Host-" + base
	}
	return base
}

// ReadCookie returns the value of the cookie base, or "".
func (s *Server) ReadCookie(r *http.Request, base string) string {
	c, err := r.Cookie(s.cookieName(r, base))
	if err != nil {
		return ""
	}
	return c.Value
}

// SetCookie sets an HttpOnly, SameSite=Lax cookie for the whole site,
// Secure over HTTPS. maxAge 0 makes a session cookie (gone when the
// browser closes). Lax (not Strict) so that following a link to Weerbaar
// from an e-mail still finds the person logged in; state changes are
// guarded by cross-origin protection, not by the cookie.
func (s *Server) SetCookie(w http.ResponseWriter, r *http.Request, base, value string, maxAge time.Duration) {
	http.SetCookie(w, &http.Cookie{
		Name:     s.cookieName(r, base),
		Value:    value,
		Path:     "/",
		MaxAge:   int(maxAge.Seconds()),
		HttpOnly: true,
		Secure:   s.IsHTTPS(r),
		SameSite: http.SameSiteLaxMode,
	})
}

// ClearCookie removes the cookie base.
func (s *Server) ClearCookie(w http.ResponseWriter, r *http.Request, base string) {
	http.SetCookie(w, &http.Cookie{
		Name:     s.cookieName(r, base),
		Value:    "",
		Path:     "/",
		MaxAge:   -1,
		HttpOnly: true,
		Secure:   s.IsHTTPS(r),
		SameSite: http.SameSiteLaxMode,
	})
}
