package web

import (
	"errors"
	"net/http"
	"net/url"

	"weerbaar/internal/auth"
)

// withSession turns the session cookie into the request's principal
// (auth.WithPrincipal). A session that ended or expired is dropped from
// the browser; the request then continues anonymous.
func (s *Server) withSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := s.ReadCookie(r, CookieSession)
		// The anonymous pages never look at the session: touching it would
		// leave a signed-in reporter's timestamp beside their report.
		if token == "" || s.auth == nil || s.sessionless[r.URL.Path] {
			next.ServeHTTP(w, r)
			return
		}
		p, err := s.auth.Authenticate(r.Context(), token)
		switch {
		case errors.Is(err, auth.ErrNoSession):
			s.ClearCookie(w, r, CookieSession)
		case err != nil:
			s.ServerError(w, r, err)
			return
		default:
			r = r.WithContext(auth.WithPrincipal(r.Context(), p))
		}
		next.ServeHTTP(w, r)
	})
}

// RequireLogin sends anonymous visitors to the login page, which brings
// them back here afterwards.
func (s *Server) RequireLogin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if auth.FromContext(r.Context()) == nil {
			http.Redirect(w, r, "/login?terug="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireRole lets only the given roles through: others get the 403 page.
// The domain service still decides per record; this only keeps pages
// that make no sense for a role out of reach.
func (s *Server) RequireRole(next http.Handler, roles ...auth.Role) http.Handler {
	return s.RequireLogin(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !HasRole(auth.FromContext(r.Context()), roles) {
			s.Fail(w, r, ErrForbidden)
			return
		}
		next.ServeHTTP(w, r)
	}))
}

// RemoteAddr is the address the rate limiter counts. Without a trusted
// proxy configuration it is the connection's own address.
func RemoteAddr(r *http.Request) string { return r.RemoteAddr }

// StartSession gives the browser its session cookie and goes on. The
// cookie lives as long as the browser session; the server ends it sooner
// on idle or absolute timeout.
func (s *Server) StartSession(w http.ResponseWriter, r *http.Request, token, back string) {
	s.ClearCookie(w, r, CookiePending)
	s.SetCookie(w, r, CookieSession, token, 0)
	Redirect(w, r, back)
}
