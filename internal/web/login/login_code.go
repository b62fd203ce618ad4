package login

import (
	"errors"
	"net/http"
	"strings"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// loginCodeForm asks for the code from the authenticator app (or a
// recovery code) after a correct password.
func (s *Server) loginCodeForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.pendingOrRestart(w, r); !ok {
		return
	}
	s.renderLoginCode(w, r, http.StatusOK, web.NewForm(r), web.LocalPath(r.URL.Query().Get("terug")))
}

func (s *Server) renderLoginCode(w http.ResponseWriter, r *http.Request, status int, f *web.Form, back string) {
	p := s.Page(r, "login.code.title")
	p.Form = f
	p.Data = loginView{Back: back}
	s.Render(w, r, status, "login_code", p)
}

// loginCodeSubmit checks the code and, when right, starts the session.
func (s *Server) loginCodeSubmit(w http.ResponseWriter, r *http.Request) {
	pending, ok := s.pendingOrRestart(w, r)
	if !ok {
		return
	}
	f := web.NewForm(r)
	back := web.LocalPath(f.Get("terug"))
	lang := web.Language(r)
	code := strings.TrimSpace(f.Get("code"))
	if code == "" {
		f.AddError("code", s.Catalog().T(lang, "login.code.missing"))
		s.renderLoginCode(w, r, http.StatusUnprocessableEntity, f, back)
		return
	}
	token, err := s.auth.LoginTOTP(r.Context(), pending, code, web.RemoteAddr(r))
	switch {
	case errors.Is(err, auth.ErrInvalidCode):
		f.AddError("code", s.Catalog().T(lang, "login.code.wrong"))
		s.renderLoginCode(w, r, http.StatusUnprocessableEntity, f, back)
	case errors.Is(err, auth.ErrRateLimited):
		f.AddError("", s.Catalog().T(lang, "login.rate_limited"))
		s.renderLoginCode(w, r, http.StatusTooManyRequests, f, back)
	case errors.Is(err, auth.ErrNoSession):
		s.restartLogin(w, r)
	case err != nil:
		s.Fail(w, r, err)
	default:
		s.StartSession(w, r, token, back)
	}
}
