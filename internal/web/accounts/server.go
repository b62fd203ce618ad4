package accounts

import (
	"embed"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/mail"
	"weerbaar/internal/org"
	"weerbaar/internal/web"
)

//go:embed templates
var templates embed.FS

// Server is the account pages on the shell.
type Server struct {
	*web.Server
	auth    *auth.Service
	orgs    *org.Service
	mail    *mail.Sender
	baseURL string
}

// Options is what the account pages need. Mail sends invitation links;
// nil or without SMTP, the link is only shown to the inviter. BaseURL is
// where people open Weerbaar, for links in e-mail (empty: taken from the
// request).
type Options struct {
	Auth    *auth.Service
	Orgs    *org.Service
	Mail    *mail.Sender
	BaseURL string
}

// New returns the account pages.
func New(o Options) *Server {
	return &Server{auth: o.Auth, orgs: o.Orgs, mail: o.Mail, baseURL: o.BaseURL}
}

// Mount registers the pages and the menu entry. Who may act on which
// account is the policy's (auth.Allowed); RequireRole only keeps pages out
// of reach that make no sense for a role.
func (s *Server) Mount(sh *web.Server, mux *http.ServeMux) error {
	s.Server = sh
	if err := sh.AddPages(templates); err != nil {
		return err
	}
	sh.AddMenu(web.MenuItem{Key: "nav.accounts", Href: "/accounts", Roles: []auth.Role{auth.RoleAdmin, auth.RoleCoordinator}})
	managers := func(h http.HandlerFunc) http.Handler {
		return s.RequireRole(h, auth.RoleAdmin, auth.RoleCoordinator)
	}
	mux.Handle("GET /accounts", managers(s.accountList))
	mux.Handle("GET /accounts/uitnodigen", managers(s.inviteForm))
	mux.Handle("POST /accounts/uitnodigen", managers(s.inviteSubmit))
	mux.Handle("POST /accounts/uitnodigingen/{id}/intrekken", managers(s.inviteRevoke))
	mux.Handle("GET /accounts/{id}", managers(s.accountShow))
	mux.Handle("POST /accounts/{id}/rol", managers(s.accountRole))
	mux.Handle("POST /accounts/{id}/uitschakelen", managers(s.accountDisable))
	mux.Handle("POST /accounts/{id}/inschakelen", managers(s.accountEnable))
	mux.Handle("POST /accounts/{id}/tweede-factor-herstellen", s.RequireRole(http.HandlerFunc(s.accountResetTOTP), auth.RoleAdmin))

	mux.HandleFunc("GET /uitnodiging/{token}", s.inviteAcceptForm)
	mux.HandleFunc("POST /uitnodiging/{token}", s.inviteAcceptSubmit)
	return nil
}
