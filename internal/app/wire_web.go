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
)

// newWeb builds the HTML pages on the auth service. People reach
// Weerbaar over HTTPS when --base-url says so (TLS then ends at a proxy in
// front): cookies get Secure and the __Host- prefix and HSTS is sent.
// Features add start-page sections here.
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
		Orgs:    orgs,
		// Invitations are e-mailed when --smtp is set; the link is shown
		// to the inviter either way.
		Mail:    mail.New(mail.Options{Addr: cfg.SMTP, From: cfg.MailFrom, Log: log}),
		BaseURL: cfg.BaseURL,
		// The meldingen pages; the anonymous route is made once here
		// because it holds the in-memory rate limiters.
		Incidents: incidents,
		Anonymous: incident.NewAnonymous(incidents, incident.AnonymousLimits{}),
		Sections: append(web.IncidentSections(incidents, cat),
			web.FollowUpSections(incidents, cat, nil)...),
	})
}
