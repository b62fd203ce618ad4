package accounts

import (
	"errors"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// acceptView is the page the invitation link opens.
type acceptView struct {
	Token, Email, RoleKey, Org string
	NeedsTOTP                  bool
}

// goneView says why a link no longer works.
type goneView struct {
	Key string // catalogue prefix: Key+".title", Key+".text"
}

// inviteAcceptForm shows who is invited, with the name prefilled, and asks
// for a password.
func (s *Server) inviteAcceptForm(w http.ResponseWriter, r *http.Request) {
	inv, err := s.auth.InvitationByToken(r.Context(), r.PathValue("token"))
	if err != nil {
		s.inviteGone(w, r, err)
		return
	}
	f := web.NewForm(r)
	f.Values.Set("name", inv.Name)
	s.renderAccept(w, r, http.StatusOK, f, inv)
}

func (s *Server) renderAccept(w http.ResponseWriter, r *http.Request, status int, f *web.Form, inv auth.Invitation) {
	p := s.Page(r, "accept.title")
	p.Form = f
	p.Data = acceptView{Token: r.PathValue("token"), Email: inv.Email, RoleKey: "role." + string(inv.Role),
		Org: web.OrgDisplay(inv.OrgCode, inv.OrgName), NeedsTOTP: inv.Role.NeedsSecondFactor()}
	s.Render(w, r, status, "invite_accept", p)
}

// inviteAcceptSubmit makes the account and logs the person in: straight to
// the start page, or first through setting up the second factor (the
// login's own set-up page, which shows the recovery codes once).
func (s *Server) inviteAcceptSubmit(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	inv, err := s.auth.InvitationByToken(r.Context(), token)
	if err != nil {
		s.inviteGone(w, r, err)
		return
	}
	f := web.NewForm(r)
	if pw := f.Get("password"); pw != "" && pw != f.Get("herhaling") {
		f.AddError("herhaling", s.Catalog().T(web.Language(r), "security.password.mismatch"))
		s.renderAccept(w, r, http.StatusUnprocessableEntity, f, inv)
		return
	}
	step, err := s.auth.AcceptInvitation(r.Context(), token, auth.AcceptInvitation{Name: f.Get("name"), Password: f.Get("password")})
	switch {
	case s.AddProblems(r, f, err):
		s.renderAccept(w, r, http.StatusUnprocessableEntity, f, inv)
	case err != nil:
		s.inviteGone(w, r, err)
	default:
		s.endEarlierSession(w, r)
		s.firstLogin(w, r, step)
	}
}

// firstLogin continues after accepting: for roles that need TOTP its
// set-up (the login's own page), otherwise the start page, where an
// ambtsdrager or medewerker is pointed to the optional second step.
func (s *Server) firstLogin(w http.ResponseWriter, r *http.Request, step auth.LoginStep) {
	if step.NeedsTOTPSetup {
		s.SetCookie(w, r, web.CookiePending, step.Pending, auth.ChallengeLifetime)
		web.Redirect(w, r, "/login/totp?terug=%2F")
		return
	}
	key := "flash.welcome"
	if step.OfferTOTP {
		key = "flash.welcome_offer_totp"
	}
	s.SetFlash(w, r, "ok", key)
	s.StartSession(w, r, step.Session, "/")
}

// endEarlierSession logs out whoever was logged in in this browser (the
// inviter trying the link, a shared computer) before the new account's
// first login.
func (s *Server) endEarlierSession(w http.ResponseWriter, r *http.Request) {
	if token := s.ReadCookie(r, web.CookieSession); token != "" {
		if err := s.auth.Logout(r.Context(), token); err != nil {
			s.Log().Warn("eerdere sessie beëindigen mislukt", "err", err)
		}
		s.ClearCookie(w, r, web.CookieSession)
	}
}

// inviteGone explains a link that does not work (any more); other errors
// are the usual error pages.
func (s *Server) inviteGone(w http.ResponseWriter, r *http.Request, err error) {
	status, key := http.StatusGone, ""
	switch {
	case errors.Is(err, auth.ErrInvitationExpired):
		key = "accept.expired"
	case errors.Is(err, auth.ErrInvitationUsed):
		key = "accept.used"
	case errors.Is(err, auth.ErrInvitationRevoked):
		key = "accept.revoked"
	case errors.Is(err, auth.ErrInvitationUnknown):
		status, key = http.StatusNotFound, "accept.unknown"
	default:
		s.Fail(w, r, err)
		return
	}
	p := s.Page(r, key+".title")
	p.Data = goneView{Key: key}
	if err := s.Write(w, status, "invite_gone", p); err != nil {
		s.ServerError(w, r, err)
	}
}
