package meldingen

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"

	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// summaryView is the last step: everything read back, and the problems
// that keep it from being sent, each linking to its step.
type summaryView struct {
	*reportView
	Sections []factSection
	Problems []summaryProblem
	IdemKey  string
}

type summaryProblem struct{ Href, Message string }

// newIdemKey is the hidden key of the send button: a double click or a
// reload posts the same key, and the service makes one incident of it.
func newIdemKey() string {
	b := make([]byte, 16)
	rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}

// reportSummary fills the summary page's data after renderStep set the
// common part; called from the template's page through renderSummary.
func (s *Server) renderSummary(w http.ResponseWriter, r *http.Request, status int, p *web.Page, inc *incident.Incident, key string) {
	v := &summaryView{reportView: &reportView{ID: inc.ID, Step: reportSteps, InDanger: inc.InDanger,
		Action: stepHref(inc.ID, reportSteps)}, IdemKey: key}
	for i := 1; i <= reportSteps; i++ {
		v.Steps = append(v.Steps, stepLink{N: i, Key: fmt.Sprintf("report.step.%d", i),
			Href: stepHref(inc.ID, i), Current: i == reportSteps})
	}
	v.Sections = reportFacts(p, inc, s.orgName(r, inc.OrgID), true)
	files, err := s.incidents.Attachments(r.Context(), p.Principal, inc.ID)
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	v.Files = fileViews(files, nil)
	if p.Form != nil {
		for _, e := range p.Form.Summary() {
			step := stepOfField[e.Field]
			if step == 0 {
				step = reportSteps
			}
			msg := e.Message
			if key := "report.f." + e.Field + ".label"; p.Has(key) {
				// Out of its step, "Vul dit veld in." needs the field's name.
				msg = p.T(key) + ": " + msg
			}
			v.Problems = append(v.Problems, summaryProblem{Href: stepHref(inc.ID, step) + "#veld-" + e.Field, Message: msg})
		}
	}
	p.Data = v
	s.Render(w, r, status, "report_summary", p)
}

// reportSubmit sends the draft. The idempotency key makes a second post
// of the same page answer with the incident the first one made.
func (s *Server) reportSubmit(w http.ResponseWriter, r *http.Request, p *web.Page, inc *incident.Incident) {
	f := web.NewForm(r)
	switch f.Get("actie") {
	case "vorige":
		web.Redirect(w, r, stepHref(inc.ID, 7))
		return
	case "concept":
		s.SetFlash(w, r, "ok", "flash.incident_draft_saved")
		web.Redirect(w, r, "/meldingen")
		return
	}
	key := f.Get("idempotencyKey")
	done, err := s.incidents.Submit(r.Context(), p.Principal, inc, key)
	p.Form = web.FormOf(incidentValues(inc))
	if s.AddProblems(r, p.Form, err) {
		s.renderSummary(w, r, http.StatusUnprocessableEntity, p, inc, key)
		return
	}
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	web.Redirect(w, r, fmt.Sprintf("/meldingen/%d/ontvangen", done.ID))
}

// orgName is the organisation's name, or "" when unknown.
func (s *Server) orgName(r *http.Request, id int64) string {
	if id == 0 || s.orgs == nil {
		return ""
	}
	o, err := s.orgs.Get(r.Context(), id)
	if err != nil {
		return ""
	}
	return o.DisplayName()
}
