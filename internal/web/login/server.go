// Package login holds the login pages: password, second factor (code or
// recovery code), the first set-up of an authenticator app, and logout.
package login

import (
	"embed"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

//go:embed templates
var templates embed.FS

// Server is the login pages on the shell.
type Server struct {
	*web.Server
	auth *auth.Service
}

// New returns the login pages on a.
func New(a *auth.Service) *Server { return &Server{auth: a} }

// Mount registers the login pages on the shell.
func (s *Server) Mount(sh *web.Server, mux *http.ServeMux) error {
	s.Server = sh
	if err := sh.AddPages(templates); err != nil {
		return err
	}
	mux.HandleFunc("GET /login", s.loginForm)
	mux.HandleFunc("POST /login", s.loginSubmit)
	mux.HandleFunc("GET /login/code", s.loginCodeForm)
	mux.HandleFunc("POST /login/code", s.loginCodeSubmit)
	mux.HandleFunc("GET /login/totp", s.totpSetupForm)
	mux.HandleFunc("POST /login/totp", s.totpSetupSubmit)
	mux.HandleFunc("POST /logout", s.logout)
	return nil
}
