package security

import (
	"errors"
	"net/http"
	"strconv"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// securityRevokeSession ends one of the person's sessions (another
// browser, a lost laptop). Ending the current one logs out here too.
func (s *Server) securityRevokeSession(w http.ResponseWriter, r *http.Request) {
	pr := auth.FromContext(r.Context())
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.NotFound(w, r)
		return
	}
	if err := s.auth.RevokeSession(r.Context(), pr, id); err != nil {
		if errors.Is(err, auth.ErrNotFound) {
			s.SetFlash(w, r, "info", "flash.session_gone")
			web.Redirect(w, r, securityPath)
			return
		}
		s.Fail(w, r, err)
		return
	}
	if id == pr.SessionID {
		s.ClearCookie(w, r, web.CookieSession)
		s.SetFlash(w, r, "ok", "flash.logged_out")
		web.Redirect(w, r, "/login")
		return
	}
	s.SetFlash(w, r, "ok", "flash.session_revoked")
	web.Redirect(w, r, securityPath)
}

// securityLogoutEverywhere ends every session of the person, this one too.
func (s *Server) securityLogoutEverywhere(w http.ResponseWriter, r *http.Request) {
	if err := s.auth.LogoutEverywhere(r.Context(), auth.FromContext(r.Context())); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.ClearCookie(w, r, web.CookieSession)
	s.SetFlash(w, r, "ok", "flash.logged_out_everywhere")
	web.Redirect(w, r, "/login")
}
