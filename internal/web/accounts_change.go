package web

import (
	"net/http"

	"weerbaar/internal/auth"
)

// accountRole gives the account another role; a beheerder may also move
// it to another organisation, a coördinator keeps it in their own. The
// policy in auth decides; a refusal is the 403 page.
func (s *Server) accountRole(w http.ResponseWriter, r *http.Request) {
	pr := auth.FromContext(r.Context())
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	a, err := s.auth.GetAccount(r.Context(), pr, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := newForm(r)
	orgID, ok, err := s.formOrg(r, pr, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.renderAccount(w, r, http.StatusUnprocessableEntity, f, a)
		return
	}
	err = s.auth.SetRole(r.Context(), pr, id, auth.Role(f.Get("role")), orgID)
	if s.addProblems(r, f, err) {
		s.renderAccount(w, r, http.StatusUnprocessableEntity, f, a)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(w, r, "ok", "flash.account_role_changed")
	redirect(w, r, "/accounts/"+r.PathValue("id"))
}

// accountDisable disables the account: no more logins, sessions and API
// tokens end.
func (s *Server) accountDisable(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	if err := s.auth.Disable(r.Context(), auth.FromContext(r.Context()), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(w, r, "ok", "flash.account_disabled")
	redirect(w, r, "/accounts/"+r.PathValue("id"))
}

// accountEnable enables a disabled account again; the person logs in
// anew.
func (s *Server) accountEnable(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	if err := s.auth.Enable(r.Context(), auth.FromContext(r.Context()), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(w, r, "ok", "flash.account_enabled")
	redirect(w, r, "/accounts/"+r.PathValue("id"))
}

// accountResetTOTP removes the second factor of someone who lost their
// phone (beheerder only, says the policy); staff roles set it up again at
// their next login.
func (s *Server) accountResetTOTP(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	if err := s.auth.ResetTOTP(r.Context(), auth.FromContext(r.Context()), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(w, r, "ok", "flash.account_totp_reset")
	redirect(w, r, "/accounts/"+r.PathValue("id"))
}
