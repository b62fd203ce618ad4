package web

import (
	"net/http"

	"weerbaar/internal/auth"
)

// Form field of "Bericht aan de melder" (POST /organisatie/meldingen/{id}/berichten):
// body. Anonymous reporters read it with their receipt code.

// followUpMessage sends the coördinator's message to the reporter.
func (s *Server) followUpMessage(w http.ResponseWriter, r *http.Request) {
	id, ok := coordIncidentID(r)
	if !ok || s.incidents == nil {
		s.notFound(w, r)
		return
	}
	f := newForm(r)
	_, err := s.incidents.SendMessage(r.Context(), auth.FromContext(r.Context()), id, f.Get("body"))
	s.coordPostDone(w, r, f, err, "bericht", "flash.followup.message", nil)
}
