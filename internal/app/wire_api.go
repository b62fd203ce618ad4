package app

import (
	"weerbaar/internal/api"
	"weerbaar/internal/i18n"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
)

// newAPI builds the JSON API (mounted by Handler under /api/) on the
// services a has.
//
// The meldingen service is made here until App holds one of its own;
// it has no Notify hook yet, so notices from follow-up added through the
// API appear on the start page but are not e-mailed.
func newAPI(a *App) (*api.Server, error) {
	cat, err := i18n.Load()
	if err != nil {
		return nil, err
	}
	return api.New(api.Deps{
		Log:       a.Log,
		Auth:      a.Auth,
		Orgs:      org.New(a.DB),
		Messages:  cat,
		Incidents: incident.New(a.DB, a.Vault, a.Audit, incident.Options{}),
	}), nil
}
