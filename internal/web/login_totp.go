package web

import (
	"errors"
	"html/template"
	"net/http"
	"strings"

	"weerbaar/internal/auth"
)

// totpSetupView is the set-up page: the secret as text and as QR code.
type totpSetupView struct {
	Back, Secret, URL string
	// QR is a data: URL of a PNG we drew ourselves (so trusted as a URL);
	// empty when it could not be made.
	QR template.URL
}

// withQR adds the QR code of v.URL to v. When it cannot be drawn the page
// goes without it: the secret is on the page as text too.
func (s *Server) withQR(v totpSetupView) totpSetupView {
	qr, err := qrDataURL(v.URL)
	if err != nil {
		s.log.Warn("QR-code maken mislukt; de sleutel staat als tekst op de pagina", "err", err)
	}
	v.QR = template.URL(qr)
	return v
}

// recoveryView shows the recovery codes once, after set-up.
type recoveryView struct {
	Back  string
	Codes []string
}

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
		s.fail(w, r, err)
		return
	}
	s.renderTOTPSetup(w, r, http.StatusOK, newForm(r), totpSetupView{
		Back: localPath(r.URL.Query().Get("terug")), Secret: secret, URL: otpURL})
}

func (s *Server) renderTOTPSetup(w http.ResponseWriter, r *http.Request, status int, f *Form, v totpSetupView) {
	p := s.page(r, "login.totp.title")
	p.Form = f
	p.Data = s.withQR(v)
	s.render(w, r, status, "login_totp", p)
}

// totpSetupSubmit checks the first code against the secret (which came
// back in the form, as it was shown to the person) and logs in.
func (s *Server) totpSetupSubmit(w http.ResponseWriter, r *http.Request) {
	pending, ok := s.pendingOrRestart(w, r)
	if !ok {
		return
	}
	f := newForm(r)
	v := totpSetupView{Back: localPath(f.Get("terug")), Secret: f.Get("geheim"), URL: f.Get("koppeling")}
	code := strings.TrimSpace(f.Get("code"))
	lang := language(r)
	if code == "" {
		f.AddError("code", s.cat.T(lang, "login.code.missing"))
		s.renderTOTPSetup(w, r, http.StatusUnprocessableEntity, f, v)
		return
	}
	session, codes, err := s.auth.ConfirmTOTPSetup(r.Context(), pending, v.Secret, code, remoteAddr(r))
	switch {
	case errors.Is(err, auth.ErrInvalidCode):
		f.AddError("code", s.cat.T(lang, "login.code.wrong"))
		s.renderTOTPSetup(w, r, http.StatusUnprocessableEntity, f, v)
	case errors.Is(err, auth.ErrRateLimited):
		f.AddError("", s.cat.T(lang, "login.rate_limited"))
		s.renderTOTPSetup(w, r, http.StatusTooManyRequests, f, v)
	case errors.Is(err, auth.ErrNoSession):
		s.restartLogin(w, r)
	case err != nil:
		s.fail(w, r, err)
	default:
		s.clearCookie(w, r, cookiePending)
		s.setCookie(w, r, cookieSession, session, 0)
		p := s.page(r, "login.totp.recovery.title")
		p.Data = recoveryView{Back: v.Back, Codes: codes}
		s.render(w, r, http.StatusOK, "login_recovery", p)
	}
}

// restartLogin drops an expired pending login and starts over.
func (s *Server) restartLogin(w http.ResponseWriter, r *http.Request) {
	s.clearCookie(w, r, cookiePending)
	s.flash(w, r, "warning", "flash.login_expired")
	redirect(w, r, "/login")
}
