// Package site lists the capabilities of the HTML side, in the order their
// menu entries and start-page sections appear. A new capability is one
// line here.
package site

import (
	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/mail"
	"weerbaar/internal/org"
	"weerbaar/internal/scan"
	"weerbaar/internal/web"
	"weerbaar/internal/web/accounts"
	"weerbaar/internal/web/info"
	"weerbaar/internal/web/login"
	"weerbaar/internal/web/meldingen"
	"weerbaar/internal/web/opvolging"
	"weerbaar/internal/web/scans"
	"weerbaar/internal/web/security"
)

// Deps are the services the pages run on. Pages whose service is nil are
// left out (their paths answer 404).
type Deps struct {
	Auth      *auth.Service
	Orgs      *org.Service
	Incidents *incident.Service
	// Anonymous is the anonymous reporting route (made once per process:
	// it holds the rate limiters).
	Anonymous *incident.Anonymous
	// Scans runs the self-scans.
	Scans *scan.Service
	// Mail sends invitation links; BaseURL is where people open Weerbaar.
	Mail    *mail.Sender
	BaseURL string
}

// Capabilities are the rooms of the site on d.
func Capabilities(d Deps) []web.Capability {
	var out []web.Capability
	add := func(ok bool, c web.Capability) {
		if ok {
			out = append(out, c)
		}
	}
	hasAuth, hasIncidents := d.Auth != nil, d.Incidents != nil && d.Auth != nil
	add(hasAuth, login.New(d.Auth))
	add(hasIncidents, meldingen.New(d.Incidents, d.Orgs, d.Anonymous))
	add(hasIncidents, opvolging.New(d.Auth, d.Incidents, d.Orgs))
	add(hasAuth, accounts.New(accounts.Options{Auth: d.Auth, Orgs: d.Orgs, Mail: d.Mail, BaseURL: d.BaseURL}))
	add(hasAuth, security.New(d.Auth))
	add(hasAuth && d.Scans != nil, scans.New(d.Scans))
	add(true, info.New())
	return out
}
