package meldingen

import (
	"errors"
	"net/http"

	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// doneView is the page after sending: what happens now.
type doneView struct {
	ID           int64
	OrgName      string
	Protocol     *incident.Protocol // nil: the organisation has none yet
	FirstContact string             // the promised day of first contact
	Aangifte     bool               // the reporter wants an aangifte
}

// reportDone confirms a sent report and shows the organisation's norm and
// aggression protocol, or who to contact when it has none.
func (s *Server) reportDone(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "report.done.title")
	inc, ok := s.ownIncident(w, r, p)
	if !ok {
		return
	}
	if inc.Status == incident.StatusDraft {
		web.Redirect(w, r, stepHref(inc.ID, reportSteps))
		return
	}
	v := doneView{ID: inc.ID, OrgName: s.orgName(r, inc.OrgID), Aangifte: inc.WantsAangifte,
		FirstContact: p.FmtDue(inc.Deadlines.FirstContact.Due)}
	pr, err := s.incidents.Protocol(r.Context(), p.Principal, inc.OrgID)
	switch {
	case err == nil:
		v.Protocol = pr
	case errors.Is(err, incident.ErrNotFound), errors.Is(err, incident.ErrForbidden):
		// No protocol, or (reporting for another organisation) not ours to
		// read: the page then says who to contact.
	default:
		s.Fail(w, r, err)
		return
	}
	p.Data = v
	s.Render(w, r, http.StatusOK, "report_done", p)
}

// ownIncident reads the incident of the path when the principal reported
// it; anybody else gets 404, whatever their rights elsewhere.
func (s *Server) ownIncident(w http.ResponseWriter, r *http.Request, p *web.Page) (*incident.Incident, bool) {
	id := incidentID(r, "id")
	if id == 0 {
		s.NotFound(w, r)
		return nil, false
	}
	inc, err := s.incidents.Get(r.Context(), p.Principal, id)
	if err == nil && inc.ReporterID != p.Principal.AccountID {
		err = incident.ErrNotFound
	}
	if err != nil {
		s.failIncident(w, r, err)
		return nil, false
	}
	return inc, true
}
