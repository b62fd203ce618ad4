package accounts

import (
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// inviteRevoke ends an open invitation; its link then says so.
func (s *Server) inviteRevoke(w http.ResponseWriter, r *http.Request) {
	id, ok := web.PathID(r)
	if !ok {
		s.NotFound(w, r)
		return
	}
	if err := s.auth.RevokeInvitation(r.Context(), auth.FromContext(r.Context()), id); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.SetFlash(w, r, "ok", "flash.invitation_revoked")
	web.Redirect(w, r, "/accounts")
}
