package meldingen

import (
	"embed"
	"io/fs"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/web"
)

//go:embed templates
var templates embed.FS

// Partials are the meldingen' shared pieces (fact lists, files, timeline,
// the danger banner), lent to the follow-up pages.
func Partials() fs.FS { return templates }

// Server is the meldingen pages on the shell.
type Server struct {
	*web.Server
	incidents *incident.Service
	orgs      *org.Service
	anon      *incident.Anonymous
}

// New returns the reporter's pages. anon is the anonymous route (made
// once per process: it holds the rate limiters); nil leaves it out.
func New(incidents *incident.Service, orgs *org.Service, anon *incident.Anonymous) *Server {
	return &Server{incidents: incidents, orgs: orgs, anon: anon}
}

// Mount registers the pages, the menu entry and the start-page sections.
func (s *Server) Mount(sh *web.Server, mux *http.ServeMux) error {
	s.Server = sh
	if err := sh.AddPages(Partials()); err != nil {
		return err
	}
	sh.AddMenu(web.MenuItem{Key: "nav.incidents", Href: "/meldingen", Roles: []auth.Role{auth.RoleMember, auth.RoleCoordinator}})
	sh.AddSections(IncidentSections(s.incidents, sh.Catalog())...)
	own := func(h http.HandlerFunc) http.Handler { return s.RequireLogin(h) }
	mux.Handle("GET /meldingen/nieuw", own(s.reportNew))
	mux.Handle("POST /meldingen/nieuw", own(s.reportCreate))
	mux.Handle("GET /meldingen/{id}/stap/{step}", own(s.reportStepShow))
	mux.Handle("POST /meldingen/{id}/stap/{step}", own(s.reportStepSave))
	mux.Handle("GET /meldingen/{id}/ontvangen", own(s.reportDone))

	mux.Handle("GET /meldingen", own(s.myIncidents))
	mux.Handle("GET /meldingen/{id}", own(s.incidentShow))
	mux.Handle("POST /meldingen/{id}/berichten", own(s.myIncidentMessage))
	mux.Handle("POST /meldingen/{id}/bijlagen", own(s.myIncidentFiles))
	mux.Handle("GET /meldingen/{id}/bijlagen/{file}", own(s.myIncidentDownload))
	mux.Handle("POST /meldingen/{id}/tevredenheid", own(s.myIncidentSatisfaction))
	mux.Handle("GET /meldingen/{id}/aangifte", own(s.aangiftePage))
	mux.Handle("POST /meldingen/{id}/aangifte", own(s.myIncidentAangifte))
	mux.Handle("GET /meldingen/{id}/aangifte.pdf", own(s.aangiftePDF))
	mux.Handle("GET /notificaties/{id}", own(s.notificationOpen))

	if s.anon != nil {
		sh.WithoutSession(anonymousPaths...)
		mux.HandleFunc("GET /anoniem-melden", s.anonymousForm)
		mux.HandleFunc("POST /anoniem-melden", s.anonymousSubmit)
		mux.HandleFunc("GET /anoniem-volgen", s.anonymousFollowForm)
		mux.HandleFunc("POST /anoniem-volgen", s.anonymousFollow)
	}
	return nil
}
