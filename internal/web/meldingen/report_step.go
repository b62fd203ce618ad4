package meldingen

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/web"
)

// reportView is what every step of the report form shows.
type reportView struct {
	ID        int64
	Step      int
	Action    string // where the form posts
	Steps     []stepLink
	InDanger  bool // the draft says the reporter is in danger: show 112
	Alert112  bool // step 1 right after "yes": the big alert first
	OrgName   string
	OrgChoice []web.Option // step 4: the organisations to choose from
	OrgNone   bool         // a search found nothing
	Kinds     []kindChoice
	Files     []fileView // step 7
	YesNo     []web.Option
	Places    []web.Option
	Modes     []web.Option
	Roles     []web.Option
	Doers     []web.Option
	MaxFiles  int
	MaxMB     int
}

// stepLink is one entry of the step list above the form.
type stepLink struct {
	N       int
	Key     string
	Href    string // empty: not reachable yet
	Current bool
}

// kindChoice is one incident kind with its short description.
type kindChoice struct {
	Value, Label, Description string
	Checked                   bool
}

func stepHref(id int64, n int) string { return fmt.Sprintf("/meldingen/%d/stap/%d", id, n) }

// reportNew shows step 1 of a new report; nothing is stored until it is posted.
func (s *Server) reportNew(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "report.title")
	if !mayReport(p.Principal) {
		s.Fail(w, r, web.ErrForbidden)
		return
	}
	p.Form = web.NewForm(r)
	s.renderStep(w, r, http.StatusOK, p, &incident.Incident{}, 1)
}

// reportStepShow shows step n of the reporter's own draft.
func (s *Server) reportStepShow(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "report.title")
	inc, n, ok := s.loadDraftStep(w, r, p)
	if !ok {
		return
	}
	p.Form = web.FormOf(incidentValues(inc))
	s.renderStep(w, r, http.StatusOK, p, inc, n)
}

// loadDraftStep reads the draft and step of the path. A report already
// sent goes to its page instead.
func (s *Server) loadDraftStep(w http.ResponseWriter, r *http.Request, p *web.Page) (*incident.Incident, int, bool) {
	n, err := strconv.Atoi(r.PathValue("step"))
	id := incidentID(r, "id")
	if err != nil || n < 1 || n > reportSteps || id == 0 {
		s.NotFound(w, r)
		return nil, 0, false
	}
	inc, err := s.incidents.Get(r.Context(), p.Principal, id)
	if err == nil && inc.ReporterID != p.Principal.AccountID {
		err = incident.ErrNotFound // the reporter's form is for the reporter only
	}
	if err != nil {
		s.failIncident(w, r, err)
		return nil, 0, false
	}
	if inc.Status != incident.StatusDraft {
		s.SetFlash(w, r, "info", "flash.incident_not_draft")
		web.Redirect(w, r, fmt.Sprintf("/meldingen/%d", inc.ID))
		return nil, 0, false
	}
	return inc, n, true
}

// renderStep draws step n (the summary and files steps have pages of
// their own).
func (s *Server) renderStep(w http.ResponseWriter, r *http.Request, status int, p *web.Page, inc *incident.Incident, n int) {
	v := &reportView{ID: inc.ID, Step: n, InDanger: inc.InDanger, Action: "/meldingen/nieuw",
		MaxFiles: incident.MaxAttachments, MaxMB: incident.MaxAttachmentSize >> 20}
	if inc.ID != 0 {
		v.Action = stepHref(inc.ID, n)
	}
	for i := 1; i <= reportSteps; i++ {
		l := stepLink{N: i, Key: fmt.Sprintf("report.step.%d", i), Current: i == n}
		if inc.ID != 0 {
			l.Href = stepHref(inc.ID, i)
		}
		v.Steps = append(v.Steps, l)
	}
	if n == reportSteps {
		s.renderSummary(w, r, status, p, inc, newIdemKey())
		return
	}
	v.Alert112 = n == 1 && inc.InDanger
	v.YesNo = []web.Option{{Value: "ja", Label: p.T("report.yes")}, {Value: "nee", Label: p.T("report.no")}}
	v.Places = web.LabelOptions(p, "incident.place.", incident.PlaceKinds)
	v.Modes = web.LabelOptions(p, "incident.mode.", []incident.Mode{incident.ModeSelf, incident.ModeOnBehalf, incident.ModeWitness})
	v.Roles = append([]web.Option{{Value: "", Label: p.T("report.choose_role")}}, web.LabelOptions(p, "incident.role.", incident.VictimRoles)...)
	v.Doers = web.LabelOptions(p, "incident.perpetrator.", incident.PerpetratorKinds)
	switch n {
	case 3:
		v.Kinds = s.kindChoices(p)
	case 4:
		s.fillOrgChoice(r.Context(), p, v, inc)
	case 7:
		files, err := s.incidents.Attachments(r.Context(), p.Principal, inc.ID)
		if err != nil {
			s.failIncident(w, r, err)
			return
		}
		v.Files = fileViews(files, nil)
	}
	p.Data = v
	name := "report_step"
	if n == 7 {
		name = "report_files"
	}
	s.Render(w, r, status, name, p)
}

func (s *Server) kindChoices(p *web.Page) []kindChoice {
	chosen := map[string]bool{}
	if p.Form != nil {
		for _, k := range p.Form.Values["kinds"] {
			chosen[k] = true
		}
	}
	var out []kindChoice
	for _, k := range incident.Kinds() {
		key := "incident.kind." + string(k)
		out = append(out, kindChoice{Value: string(k), Label: p.T(key), Description: p.T(key + ".description"),
			Checked: chosen[string(k)]})
	}
	return out
}

// fillOrgChoice offers the account's organisation, the one already
// chosen, and the results of a search typed in orgZoek: radio buttons, so
// the picker works without JavaScript.
func (s *Server) fillOrgChoice(ctx context.Context, p *web.Page, v *reportView, inc *incident.Incident) {
	seen := map[int64]bool{}
	add := func(o org.Organisation) {
		if !seen[o.ID] {
			seen[o.ID] = true
			v.OrgChoice = append(v.OrgChoice, web.Option{Value: strconv.FormatInt(o.ID, 10), Label: o.DisplayName()})
		}
	}
	for _, id := range []int64{inc.OrgID, p.Principal.OrgID} {
		if id == 0 || s.orgs == nil {
			continue
		}
		if o, err := s.orgs.Get(ctx, id); err == nil {
			add(o)
		}
	}
	q := ""
	if p.Form != nil {
		q = p.Form.Get("orgZoek")
	}
	if q != "" && s.orgs != nil {
		found, err := s.orgs.Search(ctx, q)
		if err != nil {
			s.Log().Warn("organisaties zoeken mislukt", "err", err)
		}
		for _, o := range found {
			if reportingOrg(o.Kind) {
				add(o)
			}
		}
		v.OrgNone = len(found) == 0
	}
	if len(v.OrgChoice) > 0 && (p.Form == nil || p.Form.Get("orgId") == "") {
		v.OrgChoice[0].Selected = true
	}
}

// reportingOrg: incidents are handled by gemeenten, provincies and waterschappen.
func reportingOrg(k org.Kind) bool {
	return k == org.Gemeente || k == org.Provincie || k == org.Waterschap
}

// mayReport: the service decides; the form only keeps roles out that can
// never report, with a clear page instead of an error after typing.
func mayReport(p *auth.Principal) bool {
	return p.Role == auth.RoleMember || p.Role == auth.RoleCoordinator
}
