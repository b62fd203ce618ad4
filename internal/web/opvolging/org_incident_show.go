package opvolging

import (
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// coordShowView is the page of one incident for the people who follow it
// up: the facts, deadlines, the whole timeline, the criminal chain, the
// conversation with the reporter, the evidence, and (for the coördinator)
// the forms to add to it.
type coordShowView struct {
	ID          int64
	Href        string // this page, where the forms post to
	ReadOnly    bool   // the support team reads a referred incident
	BackKey     string
	BackHref    string
	StatusKey   string
	Closed      bool
	Summary     coordSummary
	Groups      []coordFactGroup
	Deadlines   []coordDeadline
	Timeline    []coordEntry
	Chain       []coordEntry
	Aangifte    []coordFact // the newest aangifte record, if any
	Messages    []coordMessage
	Anonymous   bool
	Attachments []coordFile
	Forms       coordForms
	Posted      string // which form came back with problems: opvolging, bericht, aangifte, strafrechtketen
	Open        string // the action part shown open (coordActions)
}

// coordIncident shows one incident of the coördinator's organisation.
// Get and Messages audit the view; another organisation's incident is
// "not found".
func (s *Server) coordIncident(w http.ResponseWriter, r *http.Request) {
	s.coordShowPage(w, r, s.Page(r, "followup.show.title"), http.StatusOK, "")
}

// coordShowPage loads and renders the page of the incident in the path,
// with p.Form (when a form came back) kept.
func (s *Server) coordShowPage(w http.ResponseWriter, r *http.Request, p *web.Page, status int, posted string) {
	if s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	id, ok := coordIncidentID(r)
	if !ok {
		s.NotFound(w, r)
		return
	}
	ctx := r.Context()
	inc, err := s.incidents.Get(ctx, p.Principal, id)
	if err != nil {
		s.coordFail(w, r, err, true)
		return
	}
	msgs, err := s.incidents.Messages(ctx, p.Principal, id)
	if err != nil {
		s.coordFail(w, r, err, true)
		return
	}
	files, err := s.incidents.Attachments(ctx, p.Principal, id)
	if err != nil {
		s.coordFail(w, r, err, true)
		return
	}
	v := s.coordShow(r, p, inc, msgs, files)
	v.Posted = posted
	v.Open = coordOpen(posted, r.URL.Query().Get("open"), v.ReadOnly)
	p.Data = v
	s.Render(w, r, status, "org_incident_show", p)
}

func (s *Server) coordShow(r *http.Request, p *web.Page, inc *incident.Incident, msgs []incident.Message, files []incident.AttachmentInfo) coordShowView {
	now := s.Now()
	accts := s.coordAccounts(r, p.Principal)
	names := coordNamesOf(accts)
	readOnly := p.Principal.Role != auth.RoleCoordinator
	v := coordShowView{ID: inc.ID, Href: coordIncidentHref(inc.ID), ReadOnly: readOnly,
		BackKey: "followup.list.title", BackHref: "/organisatie/meldingen",
		StatusKey: coordStatusKey(inc.Status), Closed: inc.Status == incident.StatusClosed,
		Summary: coordSummaryOf(inc, coordReporter(p.T, inc, accts, readOnly), readOnly, now),
		Groups:  coordFacts(p.T, inc), Deadlines: coordDeadlines(p.T, inc.Deadlines, inc.Status, now),
		Timeline: coordTimeline(p.T, inc, names), Chain: coordChain(p.T, inc.Chain),
		Messages: coordMessages(p.T, msgs, names), Anonymous: inc.Mode == incident.ModeAnonymous,
		Attachments: coordAttachments(inc.ID, files, readOnly)}
	if n := len(inc.Aangiftes); n > 0 {
		v.Aangifte = coordAangifteFacts(p.T, inc.Aangiftes[n-1])
	}
	if readOnly {
		v.Href, v.BackKey, v.BackHref = supportIncidentHref(inc.ID), "followup.support.referred.title", "/ondersteuningsteam/meldingen"
	} else {
		v.Forms = s.coordFormChoices(p.Lang, inc)
	}
	return v
}

// coordAccounts are the accounts of the coördinator's organisation, to
// say who recorded what and who reported. Others (the support team) get
// none and see roles instead.
func (s *Server) coordAccounts(r *http.Request, p *auth.Principal) map[int64]auth.Account {
	out := map[int64]auth.Account{}
	if s.auth == nil || p.Role != auth.RoleCoordinator {
		return out
	}
	accts, err := s.auth.ListAccounts(r.Context(), p, p.OrgID)
	if err != nil {
		s.Log().Warn("accounts van de organisatie niet opgehaald", "err", err)
		return out
	}
	for _, a := range accts {
		out[a.ID] = a
	}
	return out
}

// coordNames maps the accounts of the coördinator's organisation to their
// names.
func (s *Server) coordNames(r *http.Request, p *auth.Principal) map[int64]string {
	return coordNamesOf(s.coordAccounts(r, p))
}

func coordNamesOf(accts map[int64]auth.Account) map[int64]string {
	names := make(map[int64]string, len(accts))
	for id, a := range accts {
		names[id] = a.Name
	}
	return names
}

// coordReporter says who reported and how to reach them, for the first
// contact: name and e-mail address of a colleague in the organisation;
// an anonymous reporter is reached through the messages only.
func coordReporter(t coordTr, inc *incident.Incident, accts map[int64]auth.Account, readOnly bool) string {
	switch {
	case inc.Mode == incident.ModeAnonymous || inc.ReporterID == 0:
		return t("followup.fact.reporter_anonymous")
	case readOnly:
		return t("followup.fact.reporter_hidden")
	}
	if a, ok := accts[inc.ReporterID]; ok {
		return a.Name + " (" + a.Email + ")"
	}
	return t("followup.fact.reporter_other")
}
