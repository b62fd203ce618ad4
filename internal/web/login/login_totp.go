package login

import (
	"errors"
	"net/http"
	"strings"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// totpSetupForm starts TOTP set-up for a role that must have it, after a
// correct password. Each visit makes a new secret.
func (s *Server) totpSetupForm(w http.ResponseWriter, r *http.Request) {
	pending, ok := s.pendingOrRestart(w, r)
	if !ok {
		return
	}
	secret, otpURL, err := s.auth.BeginTOTPSetup(r.Context(), pending)
	if errors.Is(err, auth.ErrNoSession) {
		s.restartLogin(w, r)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.renderTOTPSetup(w, r, http.StatusOK, web.NewForm(r), web.TOTPSetupView{
		Back: web.LocalPath(r.URL.Query().Get("terug")), Secret: secret, URL: otpURL})
}

func (s *Server) renderTOTPSetup(w http.ResponseWriter, r *http.Request, status int, f *web.Form, v web.TOTPSetupView) {
	p := s.Page(r, "login.totp.title")
	p.Form = f
	p.Data = s.WithQR(v)
	s.Render(w, r, status, "login_totp", p)
}

// totpSetupSubmit checks the first code against the secret (which came
// back in the form, as it was shown to the person) and logs in.
func (s *Server) totpSetupSubmit(w http.ResponseWriter, r *http.Request) {
	pending, ok := s.pendingOrRestart(w, r)
	if !ok {
		return
	}
	f := web.NewForm(r)
	v := web.TOTPSetupView{Back: web.LocalPath(f.Get("terug")), Secret: f.Get("geheim"), URL: f.Get("koppeling")}
	code := strings.TrimSpace(f.Get("code"))
	lang := web.Language(r)
	if code == "" {
		f.AddError("code", s.Catalog().T(lang, "login.code.missing"))
		s.renderTOTPSetup(w, r, http.StatusUnprocessableEntity, f, v)
		return
	}
	session, codes, err := s.auth.ConfirmTOTPSetup(r.Context(), pending, v.Secret, code, web.RemoteAddr(r))
	switch {
	case errors.Is(err, auth.ErrInvalidCode):
		f.AddError("code", s.Catalog().T(lang, "login.code.wrong"))
		s.renderTOTPSetup(w, r, http.StatusUnprocessableEntity, f, v)
	case errors.Is(err, auth.ErrRateLimited):
		f.AddError("", s.Catalog().T(lang, "login.rate_limited"))
		s.renderTOTPSetup(w, r, http.StatusTooManyRequests, f, v)
	case errors.Is(err, auth.ErrNoSession):
		s.restartLogin(w, r)
	case err != nil:
		s.Fail(w, r, err)
	default:
		s.ClearCookie(w, r, web.CookiePending)
		s.SetCookie(w, r, web.CookieSession, session, 0)
		p := s.Page(r, "login.totp.recovery.title")
		p.Data = web.RecoveryView{Back: v.Back, Codes: codes}
		s.Render(w, r, http.StatusOK, "login_recovery", p)
	}
}

// restartLogin drops an expired pending login and starts over.
func (s *Server) restartLogin(w http.ResponseWriter, r *http.Request) {
	s.ClearCookie(w, r, web.CookiePending)
	s.SetFlash(w, r, "warning", "flash.login_expired")
	web.Redirect(w, r, "/login")
}
