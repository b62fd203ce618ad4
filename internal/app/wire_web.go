package app

import (
	"log/slog"
	"strings"

	"weerbaar/internal/config"
	"weerbaar/internal/i18n"
	"weerbaar/internal/mail"
	"weerbaar/internal/web"
	"weerbaar/internal/web/site"
)

// newWeb builds the HTML pages: the shell with every capability of
// internal/web/site. People reach Weerbaar over HTTPS when --base-url says
// so (TLS then ends at a proxy in front): cookies get Secure and the
// __Host- prefix and HSTS is sent.
func newWeb(cfg config.Config, log *slog.Logger, a *App) (*web.Server, error) {
	cat, err := i18n.Load()
	if err != nil {
		return nil, err
	}
	return web.New(web.Options{
		Log:     log,
		Catalog: cat,
		Auth:    a.Auth,
		HTTPS:   strings.HasPrefix(cfg.BaseURL, "https://"),
		Capabilities: site.Capabilities(site.Deps{
			Auth: a.Auth, Orgs: a.Orgs, Incidents: a.Incidents, Anonymous: a.Anonymous, Scans: a.Scans,
			// Invitations are e-mailed when --smtp is set; the link is
			// shown to the inviter either way.
			Mail:    mail.New(mail.Options{Addr: cfg.SMTP, From: cfg.MailFrom, Log: log}),
			BaseURL: cfg.BaseURL,
		}),
	})
}
