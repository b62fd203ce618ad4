package accounts

import (
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// mailInvitation sends the link to the invited person in Dutch (their
// language is not known yet; the page it opens has the switch). It
// reports whether mail went out and whether sending failed; a failure is
// logged and the inviter passes the link on themselves.
func (s *Server) mailInvitation(r *http.Request, pr *auth.Principal, inv auth.Invitation, link string) (mailed, failed bool) {
	if !s.mail.Enabled() {
		return false, false
	}
	org := web.OrgDisplay(inv.OrgCode, inv.OrgName)
	if org == "" {
		org = s.Catalog().T("nl", "invite.mail.national")
	}
	subject := s.Catalog().T("nl", "invite.mail.subject")
	body := s.Catalog().T("nl", "invite.mail.body", inv.Name, pr.Name, s.Catalog().T("nl", "role."+string(inv.Role)), org,
		link, inviteDays())
	if err := s.mail.Send(r.Context(), inv.Email, subject, body); err != nil {
		s.Log().Error("uitnodiging mailen mislukt", "invitation", inv.ID, "err", err)
		return false, true
	}
	return true, false
}
