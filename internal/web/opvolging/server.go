package opvolging

import (
	"embed"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/web"
	"weerbaar/internal/web/meldingen"
)

//go:embed templates
var templates embed.FS

// Server is the follow-up pages on the shell.
type Server struct {
	*web.Server
	auth      *auth.Service
	incidents *incident.Service
	orgs      *org.Service
}

// New returns the follow-up pages.
func New(a *auth.Service, incidents *incident.Service, orgs *org.Service) *Server {
	return &Server{auth: a, incidents: incidents, orgs: orgs}
}

// Mount registers the pages, menu entries and start-page sections.
// RequireRole keeps the pages out of reach of other roles; the meldingen
// service decides per incident, so a coördinator never sees another
// organisation's incident (404).
func (s *Server) Mount(sh *web.Server, mux *http.ServeMux) error {
	s.Server = sh
	if err := sh.AddPages(templates, meldingen.Partials()); err != nil {
		return err
	}
	sh.AddMenu(
		web.MenuItem{Key: "followup.nav.org_incidents", Href: "/organisatie/meldingen", Roles: []auth.Role{auth.RoleCoordinator}},
		web.MenuItem{Key: "followup.nav.referred", Href: "/ondersteuningsteam/meldingen", Roles: []auth.Role{auth.RoleSupportTeam}},
		web.MenuItem{Key: "followup.nav.without_protocol", Href: "/ondersteuningsteam/zonder-protocol", Roles: []auth.Role{auth.RoleSupportTeam}})
	sh.AddSections(FollowUpSections(s.incidents, sh.Catalog(), sh.Now)...)

	coord := func(h http.HandlerFunc) http.Handler { return s.RequireRole(h, auth.RoleCoordinator) }
	mux.Handle("GET /organisatie/meldingen", coord(s.coordIncidents))
	mux.Handle("GET /organisatie/meldingen/export.csv",
		s.RequireRole(s.RequireRecentVerification(http.HandlerFunc(s.exportCSV)), auth.RoleCoordinator))
	mux.Handle("GET /organisatie/meldingen/{id}", coord(s.coordIncident))
	mux.Handle("POST /organisatie/meldingen/{id}/opvolging", coord(s.followUpAdd))
	mux.Handle("POST /organisatie/meldingen/{id}/aangifte", coord(s.aangifteRecord))
	mux.Handle("POST /organisatie/meldingen/{id}/strafrechtketen", coord(s.chainAdd))
	mux.Handle("POST /organisatie/meldingen/{id}/berichten", coord(s.followUpMessage))
	mux.Handle("GET /organisatie/meldingen/{id}/bijlagen/{file}", coord(s.coordAttachment))
	mux.Handle("GET /organisatie/protocol", coord(s.protocolForm))
	mux.Handle("POST /organisatie/protocol", coord(s.protocolSave))
	mux.Handle("GET /organisatie/protocol/versies", coord(s.protocolHistory))

	support := func(h http.HandlerFunc) http.Handler { return s.RequireRole(h, auth.RoleSupportTeam) }
	mux.Handle("GET /ondersteuningsteam/zonder-protocol", support(s.supportWithoutProtocol))
	mux.Handle("GET /ondersteuningsteam/meldingen", support(s.supportReferred))
	mux.Handle("GET /ondersteuningsteam/meldingen/{id}", support(s.supportIncident))
	mux.Handle("GET /ondersteuningsteam/meldingen/{id}/bijlagen/{file}", support(s.coordAttachment))
	return nil
}
