package login

import (
	"errors"
	"net/http"
	"strings"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// loginView carries where to go after logging in.
type loginView struct {
	Back string
}

// loginForm shows the e-mail and password form.
func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	back := web.LocalPath(r.URL.Query().Get("terug"))
	if auth.FromContext(r.Context()) != nil {
		web.Redirect(w, r, back)
		return
	}
	s.renderLogin(w, r, http.StatusOK, web.NewForm(r), back)
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, f *web.Form, back string) {
	p := s.Page(r, "login.title")
	p.Form = f
	p.Data = loginView{Back: back}
	s.Render(w, r, status, "login", p)
}

// loginSubmit checks the password. The answer to a wrong e-mail address
// or password is the same, so nobody learns which accounts exist.
func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) {
	f := web.NewForm(r)
	back := web.LocalPath(f.Get("terug"))
	lang := web.Language(r)
	email, password := strings.TrimSpace(f.Get("email")), f.Get("wachtwoord")
	if email == "" {
		f.AddError("email", s.Catalog().T(lang, "login.email.missing"))
	}
	if password == "" {
		f.AddError("wachtwoord", s.Catalog().T(lang, "login.password.missing"))
	}
	if f.HasErrors() {
		s.renderLogin(w, r, http.StatusUnprocessableEntity, f, back)
		return
	}
	step, err := s.auth.Login(r.Context(), email, password, web.RemoteAddr(r))
	switch {
	case errors.Is(err, auth.ErrInvalidCredentials):
		f.AddError("", s.Catalog().T(lang, "login.failed"))
		s.renderLogin(w, r, http.StatusUnauthorized, f, back)
	case errors.Is(err, auth.ErrRateLimited):
		f.AddError("", s.Catalog().T(lang, "login.rate_limited"))
		s.renderLogin(w, r, http.StatusTooManyRequests, f, back)
	case err != nil:
		s.Fail(w, r, err)
	case step.Session != "":
		if step.OfferTOTP {
			s.SetFlash(w, r, "info", "flash.offer_totp")
		}
		s.StartSession(w, r, step.Session, back)
	case step.NeedsTOTPSetup:
		s.SetCookie(w, r, web.CookiePending, step.Pending, auth.ChallengeLifetime)
		web.Redirect(w, r, "/login/totp?terug="+web.URLQuery(back))
	default: // step.NeedsTOTP
		s.SetCookie(w, r, web.CookiePending, step.Pending, auth.ChallengeLifetime)
		web.Redirect(w, r, "/login/code?terug="+web.URLQuery(back))
	}
}

// pendingOrRestart returns the pending-login token, or sends the person
// back to the login page when it is missing (expired cookie, new browser).
func (s *Server) pendingOrRestart(w http.ResponseWriter, r *http.Request) (string, bool) {
	pending := s.ReadCookie(r, web.CookiePending)
	if pending == "" {
		s.restartLogin(w, r)
		return "", false
	}
	return pending, true
}

// logout ends the session on the server and in the browser.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if token := s.ReadCookie(r, web.CookieSession); token != "" {
		if err := s.auth.Logout(r.Context(), token); err != nil {
			s.Fail(w, r, err)
			return
		}
	}
	s.ClearCookie(w, r, web.CookieSession)
	s.SetFlash(w, r, "ok", "flash.logged_out")
	web.Redirect(w, r, "/login")
}
