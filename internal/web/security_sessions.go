package web

import (
	"errors"
	"net/http"
	"strconv"

	"weerbaar/internal/auth"
)

// securityRevokeSession ends one of the person's sessions (another
// browser, a lost laptop). Ending the current one logs out here too.
func (s *Server) securityRevokeSession(w http.ResponseWriter, r *http.Request) {
	pr := auth.FromContext(r.Context())
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.notFound(w, r)
		return
	}
	if err := s.auth.RevokeSession(r.Context(), pr, id); err != nil {
		if errors.Is(err, auth.ErrNotFound) {
			s.flash(w, r, "info", "flash.session_gone")
			redirect(w, r, securityPath)
			return
		}
		s.fail(w, r, err)
		return
	}
	if id == pr.SessionID {
		s.clearCookie(w, r, cookieSession)
		s.flash(w, r, "ok", "flash.logged_out")
		redirect(w, r, "/login")
		return
	}
	s.flash(w, r, "ok", "flash.session_revoked")
	redirect(w, r, securityPath)
}

// securityLogoutEverywhere ends every session of the person, this one too.
func (s *Server) securityLogoutEverywhere(w http.ResponseWriter, r *http.Request) {
	if err := s.auth.LogoutEverywhere(r.Context(), auth.FromContext(r.Context())); err != nil {
		s.fail(w, r, err)
		return
	}
	s.clearCookie(w, r, cookieSession)
	s.flash(w, r, "ok", "flash.logged_out_everywhere")
	redirect(w, r, "/login")
}
