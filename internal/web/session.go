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
		token := s.readCookie(r, cookieSession)
		// The anonymous pages never look at the session: touching it would
		// leave a signed-in reporter's timestamp beside their report.
		if token == "" || s.auth == nil || anonymousPath(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		p, err := s.auth.Authenticate(r.Context(), token)
		switch {
		case errors.Is(err, auth.ErrNoSession):
			s.clearCookie(w, r, cookieSession)
		case err != nil:
			s.serverError(w, r, err)
			return
		default:
			r = r.WithContext(auth.WithPrincipal(r.Context(), p))
		}
		next.ServeHTTP(w, r)
	})
}

// requireLogin sends anonymous visitors to the login page, which brings
// them back here afterwards.
func (s *Server) requireLogin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if auth.FromContext(r.Context()) == nil {
			http.Redirect(w, r, "/login?terug="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// requireRole lets only the given roles through: others get the 403 page.
// The domain service still decides per record; this only keeps pages
// that make no sense for a role out of reach.
func (s *Server) requireRole(next http.Handler, roles ...auth.Role) http.Handler {
	return s.requireLogin(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hasRole(auth.FromContext(r.Context()), roles) {
			s.fail(w, r, ErrForbidden)
			return
		}
		next.ServeHTTP(w, r)
	}))
}

// remoteAddr is the address the rate limiter counts. Without a trusted
// proxy configuration it is the connection's own address.
func remoteAddr(r *http.Request) string { return r.RemoteAddr }
