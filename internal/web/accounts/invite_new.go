package accounts

import (
	"net/http"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// inviteView is the invitation form: a coördinator invites into their own
// organisation, a beheerder chooses role and organisation.
type inviteView struct {
	Roles   []web.Option
	IsAdmin bool
	OrgName string // a coördinator's own organisation
	Picker  orgPicker
}

// inviteCreatedView shows the new link once, to pass on.
type inviteCreatedView struct {
	Link, Email, Name, RoleKey, Org, Expires string
	Mailed, MailFailed                       bool
}

// inviteForm shows the form.
func (s *Server) inviteForm(w http.ResponseWriter, r *http.Request) {
	f := web.NewForm(r)
	f.Values.Set("role", string(auth.RoleMember))
	s.renderInvite(w, r, http.StatusOK, f)
}

func (s *Server) renderInvite(w http.ResponseWriter, r *http.Request, status int, f *web.Form) {
	pr := auth.FromContext(r.Context())
	v := inviteView{Roles: s.grantableRoles(r, pr), IsAdmin: pr.Role == auth.RoleAdmin}
	var err error
	if v.IsAdmin {
		v.Picker, err = s.orgPicker(r.Context())
	} else if s.orgs != nil && pr.OrgID != 0 {
		o, e := s.orgs.Get(r.Context(), pr.OrgID)
		v.OrgName, err = o.DisplayName(), e
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	p := s.Page(r, "invite.title")
	p.Form = f
	p.Data = v
	s.Render(w, r, status, "invite_new", p)
}

// inviteSubmit makes the invitation, e-mails the link when SMTP is set up
// and shows it to the inviter in any case.
func (s *Server) inviteSubmit(w http.ResponseWriter, r *http.Request) {
	pr := auth.FromContext(r.Context())
	f := web.NewForm(r)
	orgID, ok, err := s.formOrg(r, pr, f)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if !ok {
		s.renderInvite(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	token, inv, err := s.auth.Invite(r.Context(), pr, auth.NewInvitation{Email: f.Get("email"), Name: f.Get("name"),
		Role: auth.Role(f.Get("role")), OrgID: orgID})
	if s.AddProblems(r, f, err) {
		s.renderInvite(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	v := inviteCreatedView{Link: s.inviteLink(r, token), Email: inv.Email, Name: inv.Name,
		RoleKey: "role." + string(inv.Role), Org: web.OrgDisplay(inv.OrgCode, inv.OrgName), Expires: web.FmtDateTime(inv.ExpiresAt)}
	v.Mailed, v.MailFailed = s.mailInvitation(r, pr, inv, v.Link)
	p := s.Page(r, "invite.created.title")
	p.Data = v
	s.Render(w, r, http.StatusOK, "invite_created", p)
}

// inviteLink is the address of the acceptance page for token: on BaseURL
// when configured, else on the host the inviter used.
func (s *Server) inviteLink(r *http.Request, token string) string {
	base := s.baseURL
	if base == "" {
		scheme := "http"
		if s.IsHTTPS(r) {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	for len(base) > 0 && base[len(base)-1] == '/' {
		base = base[:len(base)-1]
	}
	return base + "/uitnodiging/" + token
}

// inviteDays is how many days a link works, for the text around it.
func inviteDays() int { return int(auth.InvitationLifetime / (24 * time.Hour)) }
