// Package security holds a person's own security pages: password, second
// factor, recovery codes, sessions and API tokens.
package security

import (
	"embed"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

//go:embed templates
var templates embed.FS

// Server is the security pages on the shell.
type Server struct {
	*web.Server
	auth *auth.Service
}

// New returns the security pages on a.
func New(a *auth.Service) *Server { return &Server{auth: a} }

// Mount registers the pages and their menu entry on the shell. Each page
// acts on the signed-in person's own account only.
func (s *Server) Mount(sh *web.Server, mux *http.ServeMux) error {
	s.Server = sh
	if err := sh.AddPages(templates); err != nil {
		return err
	}
	sh.AddMenu(web.MenuItem{Key: "nav.security", Href: securityPath})
	own := func(h http.HandlerFunc) http.Handler { return s.RequireLogin(h) }
	mux.Handle("GET "+securityPath, own(s.security))
	mux.Handle("POST /account/wachtwoord", own(s.securityPassword))
	mux.Handle("GET "+totpPath, own(s.securityTOTPForm))
	mux.Handle("POST "+totpPath, own(s.securityTOTPSubmit))
	mux.Handle("POST /account/tweede-factor/uitzetten", own(s.securityTOTPOff))
	mux.Handle("POST /account/herstelcodes", own(s.securityRecoveryCodes))
	mux.Handle("POST /account/sessies/{id}/beeindigen", own(s.securityRevokeSession))
	mux.Handle("POST /account/uitloggen-overal", own(s.securityLogoutEverywhere))
	mux.Handle("POST /account/api-tokens", s.RequireRecentVerification(http.HandlerFunc(s.securityCreateToken)))
	mux.Handle("POST /account/api-tokens/{id}/intrekken", own(s.securityRevokeToken))
	return nil
}
