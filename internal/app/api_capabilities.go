package app

import (
	"weerbaar/internal/api"
	"weerbaar/internal/api/scans"
)

// apiCapabilities are the parts of the JSON API in packages of their own
// (internal/api/<domain>), one line each, built on a's services:
//
//	support.New(a.Support),
func apiCapabilities(a *App) []api.Capability {
	return []api.Capability{scans.New(a.Scans)}
}
