package web

import (
	"net/http"

	"weerbaar/internal/auth"
)

// inviteRevoke ends an open invitation; its link then says so.
func (s *Server) inviteRevoke(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	if err := s.auth.RevokeInvitation(r.Context(), auth.FromContext(r.Context()), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(w, r, "ok", "flash.invitation_revoked")
	redirect(w, r, "/accounts")
}
