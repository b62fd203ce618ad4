package web

import (
	"net/http"

	"weerbaar/internal/auth"
)

// accountRoutes are the pages for accounts, invitations, a person's own
// security and re-verification. Who may act on which account is the
// policy's (auth.Allowed); requireRole only keeps pages out of reach that
// make no sense for a role.
func (s *Server) accountRoutes(mux *http.ServeMux) {
	managers := func(h http.HandlerFunc) http.Handler {
		return s.requireRole(h, auth.RoleAdmin, auth.RoleCoordinator)
	}
	mux.Handle("GET /accounts", managers(s.accountList))
	mux.Handle("GET /accounts/uitnodigen", managers(s.inviteForm))
	mux.Handle("POST /accounts/uitnodigen", managers(s.inviteSubmit))
	mux.Handle("POST /accounts/uitnodigingen/{id}/intrekken", managers(s.inviteRevoke))
	mux.Handle("GET /accounts/{id}", managers(s.accountShow))
	mux.Handle("POST /accounts/{id}/rol", managers(s.accountRole))
	mux.Handle("POST /accounts/{id}/uitschakelen", managers(s.accountDisable))
	mux.Handle("POST /accounts/{id}/inschakelen", managers(s.accountEnable))
	mux.Handle("POST /accounts/{id}/tweede-factor-herstellen", s.requireRole(http.HandlerFunc(s.accountResetTOTP), auth.RoleAdmin))

	mux.HandleFunc("GET /uitnodiging/{token}", s.inviteAcceptForm)
	mux.HandleFunc("POST /uitnodiging/{token}", s.inviteAcceptSubmit)

	own := func(h http.HandlerFunc) http.Handler { return s.requireLogin(h) }
	mux.Handle("GET /bevestigen", own(s.reverifyForm))
	mux.Handle("POST /bevestigen", own(s.reverifySubmit))
	mux.Handle("GET "+securityPath, own(s.security))
	mux.Handle("POST /account/wachtwoord", own(s.securityPassword))
	mux.Handle("GET "+totpPath, own(s.securityTOTPForm))
	mux.Handle("POST "+totpPath, own(s.securityTOTPSubmit))
	mux.Handle("POST /account/tweede-factor/uitzetten", own(s.securityTOTPOff))
	mux.Handle("POST /account/herstelcodes", own(s.securityRecoveryCodes))
	mux.Handle("POST /account/sessies/{id}/beeindigen", own(s.securityRevokeSession))
	mux.Handle("POST /account/uitloggen-overal", own(s.securityLogoutEverywhere))
	mux.Handle("POST /account/api-tokens", s.requireRecentVerification(http.HandlerFunc(s.securityCreateToken)))
	mux.Handle("POST /account/api-tokens/{id}/intrekken", own(s.securityRevokeToken))
}
