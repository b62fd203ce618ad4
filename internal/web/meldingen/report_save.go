package meldingen

import (
	"fmt"
	"net/http"

	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// reportCreate saves step 1 of a new report as a draft.
func (s *Server) reportCreate(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "report.title")
	if !mayReport(p.Principal) {
		s.Fail(w, r, web.ErrForbidden)
		return
	}
	s.saveStep(w, r, p, &incident.Incident{}, 1)
}

// reportStepSave saves step n of the reporter's own draft and moves on
// according to the button pressed.
func (s *Server) reportStepSave(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "report.title")
	inc, n, ok := s.loadDraftStep(w, r, p)
	if !ok {
		return
	}
	switch n {
	case 7:
		s.reportFilesSave(w, r, p, inc)
	case reportSteps:
		s.reportSubmit(w, r, p, inc)
	default:
		s.saveStep(w, r, p, inc, n)
	}
}

// saveStep applies the posted fields of step n to inc, saves the draft
// and goes where the button says: next, previous, the same step again
// (organisation search, the 112 alert) or Mijn meldingen (save as draft).
func (s *Server) saveStep(w http.ResponseWriter, r *http.Request, p *web.Page, inc *incident.Incident, n int) {
	f := web.NewForm(r)
	wasInDanger := inc.InDanger && inc.ID != 0
	saved := incidentValues(inc)
	if inc.ID == 0 {
		saved = nil
	}
	p.Form = web.FormOf(mergeStep(saved, f.Values, n))
	if !applyStep(inc, n, f.Values) {
		p.Form.AddError("occurredAt", p.T("report.error.date_format"))
		s.renderStep(w, r, http.StatusUnprocessableEntity, p, inc, n)
		return
	}
	id, err := s.incidents.SaveDraft(r.Context(), p.Principal, inc)
	if s.AddProblems(r, p.Form, err) {
		s.renderStep(w, r, http.StatusUnprocessableEntity, p, inc, n)
		return
	}
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	inc.ID = id
	action := f.Get("actie")
	switch {
	case action == "concept":
		s.SetFlash(w, r, "ok", "flash.incident_draft_saved")
		web.Redirect(w, r, "/meldingen")
	case action == "zoek-org":
		s.renderStep(w, r, http.StatusOK, p, inc, n)
	case action == "vorige" && n > 1:
		web.Redirect(w, r, stepHref(id, n-1))
	case n == 1 && inc.InDanger && !wasInDanger:
		// 112 before anything else; the next press of "next" goes on.
		web.Redirect(w, r, stepHref(id, 1))
	default:
		web.Redirect(w, r, stepHref(id, min(n+1, reportSteps)))
	}
}

// reportHref is the reporter's page of an incident.
func reportHref(id int64) string { return fmt.Sprintf("/meldingen/%d", id) }
