package opvolging

import (
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// Form field of "Bericht aan de melder" (POST /organisatie/meldingen/{id}/berichten):
// body. Anonymous reporters read it with their receipt code.

// followUpMessage sends the coördinator's message to the reporter.
func (s *Server) followUpMessage(w http.ResponseWriter, r *http.Request) {
	id, ok := coordIncidentID(r)
	if !ok || s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	f := web.NewForm(r)
	_, err := s.incidents.SendMessage(r.Context(), auth.FromContext(r.Context()), id, f.Get("body"))
	s.coordPostDone(w, r, f, err, "bericht", "flash.followup.message", nil)
}
