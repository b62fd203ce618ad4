package web

import (
	"errors"
	"net/http"
	"strings"

	"weerbaar/internal/auth"
)

// loginView carries where to go after logging in.
type loginView struct {
	Back string
}

// loginForm shows the e-mail and password form.
func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	back := localPath(r.URL.Query().Get("terug"))
	if auth.FromContext(r.Context()) != nil {
		redirect(w, r, back)
		return
	}
	s.renderLogin(w, r, http.StatusOK, newForm(r), back)
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, f *Form, back string) {
	p := s.page(r, "login.title")
	p.Form = f
	p.Data = loginView{Back: back}
	s.render(w, r, status, "login", p)
}

// loginSubmit checks the password. The answer to a wrong e-mail address
// or password is the same, so nobody learns which accounts exist.
func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) {
	f := newForm(r)
	back := localPath(f.Get("terug"))
	lang := language(r)
	email, password := strings.TrimSpace(f.Get("email")), f.Get("wachtwoord")
	if email == "" {
		f.AddError("email", s.cat.T(lang, "login.email.missing"))
	}
	if password == "" {
		f.AddError("wachtwoord", s.cat.T(lang, "login.password.missing"))
	}
	if f.HasErrors() {
		s.renderLogin(w, r, http.StatusUnprocessableEntity, f, back)
		return
	}
	step, err := s.auth.Login(r.Context(), email, password, remoteAddr(r))
	switch {
	case errors.Is(err, auth.ErrInvalidCredentials):
		f.AddError("", s.cat.T(lang, "login.failed"))
		s.renderLogin(w, r, http.StatusUnauthorized, f, back)
	case errors.Is(err, auth.ErrRateLimited):
		f.AddError("", s.cat.T(lang, "login.rate_limited"))
		s.renderLogin(w, r, http.StatusTooManyRequests, f, back)
	case err != nil:
		s.fail(w, r, err)
	case step.Session != "":
		if step.OfferTOTP {
			s.flash(w, r, "info", "flash.offer_totp")
		}
		s.startSession(w, r, step.Session, back)
	case step.NeedsTOTPSetup:
		s.setCookie(w, r, cookiePending, step.Pending, auth.ChallengeLifetime)
		redirect(w, r, "/login/totp?terug="+urlQuery(back))
	default: // step.NeedsTOTP
		s.setCookie(w, r, cookiePending, step.Pending, auth.ChallengeLifetime)
		redirect(w, r, "/login/code?terug="+urlQuery(back))
	}
}

// startSession gives the browser its session cookie and goes on. The
// cookie lives as long as the browser session; the server ends it sooner
// on idle or absolute timeout.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, token, back string) {
	s.clearCookie(w, r, cookiePending)
	s.setCookie(w, r, cookieSession, token, 0)
	redirect(w, r, back)
}

// pendingOrRestart returns the pending-login token, or sends the person
// back to the login page when it is missing (expired cookie, new browser).
func (s *Server) pendingOrRestart(w http.ResponseWriter, r *http.Request) (string, bool) {
	pending := s.readCookie(r, cookiePending)
	if pending == "" {
		s.restartLogin(w, r)
		return "", false
	}
	return pending, true
}

// logout ends the session on the server and in the browser.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if token := s.readCookie(r, cookieSession); token != "" {
		if err := s.auth.Logout(r.Context(), token); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.clearCookie(w, r, cookieSession)
	s.flash(w, r, "ok", "flash.logged_out")
	redirect(w, r, "/login")
}
