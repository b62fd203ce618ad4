package web

import (
	"net/http"

	"weerbaar/internal/auth"
)

// followUpRoutes are the organisation's meldingen pages (coördinator) and
// the support team's read-only views. requireRole keeps the pages out of
// reach of other roles; the meldingen service decides per incident, so a
// coördinator never sees another organisation's incident (404).
func (s *Server) followUpRoutes(mux *http.ServeMux) {
	coord := func(h http.HandlerFunc) http.Handler { return s.requireRole(h, auth.RoleCoordinator) }
	mux.Handle("GET /organisatie/meldingen", coord(s.coordIncidents))
	mux.Handle("GET /organisatie/meldingen/export.csv",
		s.requireRole(s.requireRecentVerification(http.HandlerFunc(s.exportCSV)), auth.RoleCoordinator))
	mux.Handle("GET /organisatie/meldingen/{id}", coord(s.coordIncident))
	mux.Handle("POST /organisatie/meldingen/{id}/opvolging", coord(s.followUpAdd))
	mux.Handle("POST /organisatie/meldingen/{id}/aangifte", coord(s.aangifteRecord))
	mux.Handle("POST /organisatie/meldingen/{id}/strafrechtketen", coord(s.chainAdd))
	mux.Handle("POST /organisatie/meldingen/{id}/berichten", coord(s.followUpMessage))
	mux.Handle("GET /organisatie/meldingen/{id}/bijlagen/{file}", coord(s.coordAttachment))
	mux.Handle("GET /organisatie/protocol", coord(s.protocolForm))
	mux.Handle("POST /organisatie/protocol", coord(s.protocolSave))
	mux.Handle("GET /organisatie/protocol/versies", coord(s.protocolHistory))

	support := func(h http.HandlerFunc) http.Handler { return s.requireRole(h, auth.RoleSupportTeam) }
	mux.Handle("GET /ondersteuningsteam/zonder-protocol", support(s.supportWithoutProtocol))
	mux.Handle("GET /ondersteuningsteam/meldingen", support(s.supportReferred))
	mux.Handle("GET /ondersteuningsteam/meldingen/{id}", support(s.supportIncident))
	mux.Handle("GET /ondersteuningsteam/meldingen/{id}/bijlagen/{file}", support(s.coordAttachment))
}
