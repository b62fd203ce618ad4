package app

import (
	"log/slog"
	"strings"

	"weerbaar/internal/auth"
	"weerbaar/internal/config"
	"weerbaar/internal/i18n"
	"weerbaar/internal/incident"
	"weerbaar/internal/mail"
	"weerbaar/internal/org"
	"weerbaar/internal/web"
	"weerbaar/internal/web/site"
)

// newWeb builds the HTML pages: the shell with every capability of
// internal/web/site. People reach Weerbaar over HTTPS when --base-url says
// so (TLS then ends at a proxy in front): cookies get Secure and the
// __Host- prefix and HSTS is sent.
func newWeb(cfg config.Config, log *slog.Logger, authSvc *auth.Service, orgs *org.Service, incidents *incident.Service) (*web.Server, error) {
	cat, err := i18n.Load()
	if err != nil {
		return nil, err
	}
	return web.New(web.Options{
		Log:     log,
		Catalog: cat,
		Auth:    authSvc,
		HTTPS:   strings.HasPrefix(cfg.BaseURL, "https://"),
		Capabilities: site.Capabilities(site.Deps{
			Auth: authSvc, Orgs: orgs, Incidents: incidents,
			// The anonymous route is made once here because it holds the
			// in-memory rate limiters.
			Anonymous: incident.NewAnonymous(incidents, incident.AnonymousLimits{}),
			// Invitations are e-mailed when --smtp is set; the link is
			// shown to the inviter either way.
			Mail:    mail.New(mail.Options{Addr: cfg.SMTP, From: cfg.MailFrom, Log: log}),
			BaseURL: cfg.BaseURL,
		}),
	})
}
