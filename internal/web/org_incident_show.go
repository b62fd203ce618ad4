package web

import (
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
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
	Facts       []coordFact
	Deadlines   []coordDeadline
	Timeline    []coordEntry
	Chain       []coordEntry
	Aangifte    []coordFact // the newest aangifte record, if any
	Messages    []coordMessage
	Anonymous   bool
	Attachments []coordFile
	Forms       coordForms
	Posted      string // which form came back with problems: followup, aangifte, chain, message
}

// coordIncident shows one incident of the coördinator's organisation.
// Get and Messages audit the view; another organisation's incident is
// "not found".
func (s *Server) coordIncident(w http.ResponseWriter, r *http.Request) {
	s.coordShowPage(w, r, s.page(r, "followup.show.title"), http.StatusOK, "")
}

// coordShowPage loads and renders the page of the incident in the path,
// with p.Form (when a form came back) kept.
func (s *Server) coordShowPage(w http.ResponseWriter, r *http.Request, p *Page, status int, posted string) {
	if s.incidents == nil {
		s.notFound(w, r)
		return
	}
	id, ok := coordIncidentID(r)
	if !ok {
		s.notFound(w, r)
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
	p.Data = v
	s.render(w, r, status, "org_incident_show", p)
}

func (s *Server) coordShow(r *http.Request, p *Page, inc *incident.Incident, msgs []incident.Message, files []incident.AttachmentInfo) coordShowView {
	now := s.now()
	names := s.coordNames(r, p.Principal)
	readOnly := p.Principal.Role != auth.RoleCoordinator
	v := coordShowView{ID: inc.ID, Href: coordIncidentHref(inc.ID), ReadOnly: readOnly,
		BackKey: "followup.list.title", BackHref: "/organisatie/meldingen",
		StatusKey: coordStatusKey(inc.Status), Closed: inc.Status == incident.StatusClosed,
		Facts: coordFacts(p.T, inc), Deadlines: coordDeadlines(p.T, inc.Deadlines, inc.Status, now),
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

// coordNames maps the accounts of the coördinator's organisation to their
// names, to say who recorded what. Others (the support team) see roles.
func (s *Server) coordNames(r *http.Request, p *auth.Principal) map[int64]string {
	names := map[int64]string{}
	if s.auth == nil || p.Role != auth.RoleCoordinator {
		return names
	}
	accts, err := s.auth.ListAccounts(r.Context(), p, p.OrgID)
	if err != nil {
		s.log.Warn("namen van accounts niet opgehaald", "err", err)
		return names
	}
	for _, a := range accts {
		names[a.ID] = a.Name
	}
	return names
}
