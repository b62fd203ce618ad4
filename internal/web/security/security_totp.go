package security

import (
	"errors"
	"net/http"
	"strings"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// totpPath is the page to set up (or set up again) the second factor.
const totpPath = "/account/tweede-factor"

// securityTOTPForm shows a new secret for the authenticator app. Replacing
// a second factor that is on asks for a recent re-verification first.
func (s *Server) securityTOTPForm(w http.ResponseWriter, r *http.Request) {
	secret, otpURL, err := s.auth.BeginTOTP(r.Context(), auth.FromContext(r.Context()))
	if errors.Is(err, auth.ErrReverifyRequired) {
		s.AskReverify(w, r, totpPath)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.renderSecurityTOTP(w, r, http.StatusOK, web.NewForm(r), web.TOTPSetupView{Back: securityPath, Secret: secret, URL: otpURL})
}

func (s *Server) renderSecurityTOTP(w http.ResponseWriter, r *http.Request, status int, f *web.Form, v web.TOTPSetupView) {
	p := s.Page(r, "security.totp.title")
	p.Form = f
	p.Data = s.WithQR(v)
	s.Render(w, r, status, "security_totp", p)
}

// securityTOTPSubmit turns the second factor on with the first code and
// shows the new recovery codes once.
func (s *Server) securityTOTPSubmit(w http.ResponseWriter, r *http.Request) {
	f := web.NewForm(r)
	v := web.TOTPSetupView{Back: securityPath, Secret: f.Get("geheim"), URL: f.Get("koppeling")}
	lang := web.Language(r)
	code := strings.TrimSpace(f.Get("code"))
	if code == "" {
		f.AddError("code", s.Catalog().T(lang, "login.code.missing"))
		s.renderSecurityTOTP(w, r, http.StatusUnprocessableEntity, f, v)
		return
	}
	codes, err := s.auth.ConfirmTOTP(r.Context(), auth.FromContext(r.Context()), v.Secret, code)
	switch {
	case errors.Is(err, auth.ErrInvalidCode):
		f.AddError("code", s.Catalog().T(lang, "login.code.wrong"))
		s.renderSecurityTOTP(w, r, http.StatusUnprocessableEntity, f, v)
	case errors.Is(err, auth.ErrReverifyRequired):
		s.AskReverify(w, r, totpPath)
	case err != nil:
		s.Fail(w, r, err)
	default:
		s.showRecoveryCodes(w, r, codes)
	}
}

// securityTOTPOff removes the second factor of an ambtsdrager or
// medewerker, for whom it is a choice; staff roles cannot go without.
func (s *Server) securityTOTPOff(w http.ResponseWriter, r *http.Request) {
	pr := auth.FromContext(r.Context())
	if pr.Role.NeedsSecondFactor() {
		s.Fail(w, r, web.ErrForbidden)
		return
	}
	err := s.auth.ResetTOTP(r.Context(), pr, pr.AccountID)
	if errors.Is(err, auth.ErrReverifyRequired) {
		s.AskReverify(w, r, securityPath)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.SetFlash(w, r, "ok", "flash.totp_off")
	web.Redirect(w, r, securityPath)
}

// securityRecoveryCodes replaces the recovery codes and shows them once.
func (s *Server) securityRecoveryCodes(w http.ResponseWriter, r *http.Request) {
	codes, err := s.auth.NewRecoveryCodes(r.Context(), auth.FromContext(r.Context()))
	switch {
	case errors.Is(err, auth.ErrReverifyRequired):
		s.AskReverify(w, r, securityPath)
	case errors.Is(err, auth.ErrTOTPNotEnabled):
		s.SetFlash(w, r, "warning", "flash.totp_needed")
		web.Redirect(w, r, securityPath)
	case err != nil:
		s.Fail(w, r, err)
	default:
		s.showRecoveryCodes(w, r, codes)
	}
}

func (s *Server) showRecoveryCodes(w http.ResponseWriter, r *http.Request, codes []string) {
	p := s.Page(r, "security.codes.title")
	p.Data = secretView{TitleKey: "security.codes.title", IntroKey: "login.totp.recovery.intro", Codes: codes, Back: securityPath}
	s.Render(w, r, http.StatusOK, "security_secret", p)
}
