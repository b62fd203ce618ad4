package accounts

import (
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// accountRole gives the account another role; a beheerder may also move
// it to another organisation, a coördinator keeps it in their own. The
// policy in auth decides; a refusal is the 403 page.
func (s *Server) accountRole(w http.ResponseWriter, r *http.Request) {
	pr := auth.FromContext(r.Context())
	id, ok := web.PathID(r)
	if !ok {
		s.NotFound(w, r)
		return
	}
	a, err := s.auth.GetAccount(r.Context(), pr, id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	f := web.NewForm(r)
	orgID, ok, err := s.formOrg(r, pr, f)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if !ok {
		s.renderAccount(w, r, http.StatusUnprocessableEntity, f, a)
		return
	}
	err = s.auth.SetRole(r.Context(), pr, id, auth.Role(f.Get("role")), orgID)
	if s.AddProblems(r, f, err) {
		s.renderAccount(w, r, http.StatusUnprocessableEntity, f, a)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.SetFlash(w, r, "ok", "flash.account_role_changed")
	web.Redirect(w, r, "/accounts/"+r.PathValue("id"))
}

// accountDisable disables the account: no more logins, sessions and API
// tokens end.
func (s *Server) accountDisable(w http.ResponseWriter, r *http.Request) {
	id, ok := web.PathID(r)
	if !ok {
		s.NotFound(w, r)
		return
	}
	if err := s.auth.Disable(r.Context(), auth.FromContext(r.Context()), id); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.SetFlash(w, r, "ok", "flash.account_disabled")
	web.Redirect(w, r, "/accounts/"+r.PathValue("id"))
}

// accountEnable enables a disabled account again; the person logs in
// anew.
func (s *Server) accountEnable(w http.ResponseWriter, r *http.Request) {
	id, ok := web.PathID(r)
	if !ok {
		s.NotFound(w, r)
		return
	}
	if err := s.auth.Enable(r.Context(), auth.FromContext(r.Context()), id); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.SetFlash(w, r, "ok", "flash.account_enabled")
	web.Redirect(w, r, "/accounts/"+r.PathValue("id"))
}

// accountResetTOTP removes the second factor of someone who lost their
// phone (beheerder only, says the policy); staff roles set it up again at
// their next login.
func (s *Server) accountResetTOTP(w http.ResponseWriter, r *http.Request) {
	id, ok := web.PathID(r)
	if !ok {
		s.NotFound(w, r)
		return
	}
	if err := s.auth.ResetTOTP(r.Context(), auth.FromContext(r.Context()), id); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.SetFlash(w, r, "ok", "flash.account_totp_reset")
	web.Redirect(w, r, "/accounts/"+r.PathValue("id"))
}
