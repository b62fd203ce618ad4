package app

import (
	"weerbaar/internal/api"
	"weerbaar/internal/i18n"
)

// newAPI builds the JSON API (mounted by Handler under /api/) on the
// services a has.
func newAPI(a *App) (*api.Server, error) {
	cat, err := i18n.Load()
	if err != nil {
		return nil, err
	}
	return api.New(api.Deps{
		Log:       a.Log,
		Auth:      a.Auth,
		Orgs:      a.Orgs,
		Messages:  cat,
		Incidents: a.Incidents,
		Anonymous: a.Anonymous,
		// Parts of the API in packages of their own.
		Capabilities: apiCapabilities(a),
	})
}
