package opvolging

import (
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// Form fields of "Opvolging toevoegen" (POST /organisatie/meldingen/{id}/opvolging):
// kind (incident.FollowUpKinds), reactionForm (brief, gesprek, verbod; only
// with kind reactie_dader), doneAt (date, empty: today), note.

// followUpAdd records one follow-up on an incident of the coördinator's
// organisation. The service moves the status and meets deadlines.
func (s *Server) followUpAdd(w http.ResponseWriter, r *http.Request) {
	id, ok := coordIncidentID(r)
	if !ok || s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	f := web.NewForm(r)
	in := incident.FollowUp{Kind: incident.FollowUpKind(f.Get("kind")),
		ReactionForm: incident.ReactionForm(f.Get("reactionForm")), Note: f.Get("note")}
	doneAt, ok := coordDoneAt(f.Get("doneAt"), s.Now())
	if !ok {
		s.coordAddError(r, f, "doneAt", s.Catalog().T(web.Language(r), "followup.date_invalid"))
	}
	in.DoneAt = doneAt
	var err error
	if !f.HasErrors() {
		_, err = s.incidents.AddFollowUp(r.Context(), auth.FromContext(r.Context()), id, in)
	}
	s.coordPostDone(w, r, f, err, "opvolging", "flash.followup.added", nil)
}
