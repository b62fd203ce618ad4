package opvolging

import (
	"net/http"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// Form fields of "Stap in de strafrechtketen" (POST /organisatie/meldingen/{id}/strafrechtketen):
// step (aangifte, beslissing_om, zitting, uitspraak, maatregel), outcome,
// on (date; a hearing may lie ahead), stepNote.

// chainAdd adds a step to the criminal-chain timeline; the service
// notifies the reporter (start page, and e-mail when configured).
func (s *Server) chainAdd(w http.ResponseWriter, r *http.Request) {
	id, ok := coordIncidentID(r)
	if !ok || s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	f := web.NewForm(r)
	in := incident.ChainStep{Step: incident.ChainStepKind(f.Get("step")), Outcome: f.Get("outcome"),
		Note: f.Get("stepNote")}
	if v := f.Get("on"); v != "" {
		d, ok := coordParseDay(v)
		if !ok {
			s.coordAddError(r, f, "on", s.Catalog().T(web.Language(r), "followup.date_invalid"))
		}
		in.On = coordCalendarDay(d)
	}
	var err error
	if !f.HasErrors() {
		_, err = s.incidents.AddChainStep(r.Context(), auth.FromContext(r.Context()), id, in)
	}
	s.coordPostDone(w, r, f, err, "strafrechtketen", "flash.followup.chain", map[string]string{"note": "stepNote"})
}

// coordCalendarDay is the day of d (read in Dutch time) as midnight UTC,
// the form the service keeps dates in; zero stays zero.
func coordCalendarDay(d time.Time) time.Time {
	if d.IsZero() {
		return d
	}
	y, m, day := d.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}
