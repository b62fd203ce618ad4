package security

import (
	"errors"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// securityPassword changes the person's own password: the current one,
// then the new one twice. Other sessions end (auth does that); this one
// stays.
func (s *Server) securityPassword(w http.ResponseWriter, r *http.Request) {
	f := web.NewForm(r)
	lang := web.Language(r)
	current, next := f.Get("huidig"), f.Get("password")
	if current == "" {
		f.AddError("huidig", s.Catalog().T(lang, "security.password.current_missing"))
	}
	if next != "" && next != f.Get("herhaling") {
		f.AddError("herhaling", s.Catalog().T(lang, "security.password.mismatch"))
	}
	if f.HasErrors() {
		s.renderSecurity(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	err := s.auth.ChangePassword(r.Context(), auth.FromContext(r.Context()), current, next)
	switch {
	case errors.Is(err, auth.ErrInvalidCredentials):
		f.AddError("huidig", s.Catalog().T(lang, "security.password.current_wrong"))
		s.renderSecurity(w, r, http.StatusUnprocessableEntity, f)
	case errors.Is(err, auth.ErrRateLimited):
		f.AddError("", s.Catalog().T(lang, "login.rate_limited"))
		s.renderSecurity(w, r, http.StatusTooManyRequests, f)
	case s.AddProblems(r, f, err):
		s.renderSecurity(w, r, http.StatusUnprocessableEntity, f)
	case err != nil:
		s.Fail(w, r, err)
	default:
		s.SetFlash(w, r, "ok", "flash.password_changed")
		web.Redirect(w, r, securityPath)
	}
}

// securityPath is the personal security page.
const securityPath = "/account/beveiliging"
