package meldingen

import (
	"net/http"
	"time"

	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// showView is the reporter's page of one of their own incidents.
type showView struct {
	Inc       *incident.Incident
	OrgName   string
	Sections  []factSection
	History   []timelineRow
	FollowUps []timelineRow
	Chain     []timelineRow
	Messages  []messageRow
	Files     []fileView
	// AskSatisfaction: closed and not yet answered since closing.
	AskSatisfaction bool
	Answered        *incident.SatisfactionAnswer
	AangifteDue     string // the reminder's day, when it applies and is open
	AangifteLate    bool
	YesNo           []web.Option
	Aangifte        aangifteChoices
}

type timelineRow struct{ When, What, Detail string }

type messageRow struct {
	Mine       bool
	When, Body string
	New        bool
}

// incidentShow shows the reporter what they reported and everything that
// happened since: status, follow-up, the criminal chain, messages and
// files; and asks after closing whether they are satisfied. A draft goes
// back into the form. Notices about this incident count as seen.
func (s *Server) incidentShow(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "mine.title")
	inc, ok := s.ownIncident(w, r, p)
	if !ok {
		return
	}
	if inc.Status == incident.StatusDraft {
		web.Redirect(w, r, stepHref(inc.ID, 1))
		return
	}
	v, err := s.showData(r, p, inc)
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	s.markNoticesSeen(r, p, inc.ID)
	p.Data = v
	s.Render(w, r, http.StatusOK, "incident_show", p)
}

func (s *Server) showData(r *http.Request, p *web.Page, inc *incident.Incident) (*showView, error) {
	ctx := r.Context()
	v := &showView{Inc: inc, OrgName: s.orgName(r, inc.OrgID)}
	v.Sections = reportFacts(p, inc, v.OrgName, false)
	for _, h := range inc.History {
		v.History = append(v.History, timelineRow{When: p.FmtDateTime(h.At), What: p.Lbl("incident.status.", h.To)})
	}
	for _, f := range inc.FollowUps {
		if f.Kind == incident.FollowNote {
			continue // the coördinator's own notes
		}
		v.FollowUps = append(v.FollowUps, timelineRow{When: p.FmtDate(f.DoneAt), What: p.Lbl("incident.followup.", f.Kind)})
	}
	for _, c := range inc.Chain {
		v.Chain = append(v.Chain, timelineRow{When: p.FmtDate(c.On), What: p.Lbl("incident.chain.", c.Step),
			Detail: joinNonEmpty(c.Outcome, c.Note)})
	}
	msgs, err := s.incidents.Messages(ctx, p.Principal, inc.ID)
	if err != nil {
		return nil, err
	}
	for _, m := range msgs {
		mine := m.Sender == incident.SenderReporter
		v.Messages = append(v.Messages, messageRow{Mine: mine, When: p.FmtDateTime(m.CreatedAt), Body: m.Body,
			New: !mine && m.Unread()})
	}
	files, err := s.incidents.Attachments(ctx, p.Principal, inc.ID)
	if err != nil {
		return nil, err
	}
	v.Files = fileViews(files, func(f incident.AttachmentInfo) string { return attachmentHref(inc.ID, f.ID) })
	s.fillSatisfaction(v, inc)
	if d := inc.Deadlines.Aangifte; !d.Due.IsZero() && d.Done.IsZero() && inc.Status != incident.StatusClosed {
		v.AangifteDue, v.AangifteLate = p.FmtDue(d.Due), time.Now().After(d.Due)
	}
	v.YesNo = []web.Option{{Value: "ja", Label: p.T("report.yes")}, {Value: "nee", Label: p.T("report.no")}}
	v.Aangifte = s.aangifteChoices(p, inc)
	return v, nil
}

func (s *Server) fillSatisfaction(v *showView, inc *incident.Incident) {
	for i := range inc.Satisfaction {
		a := &inc.Satisfaction[i]
		if v.Answered == nil || a.At.After(v.Answered.At) {
			v.Answered = a
		}
	}
	v.AskSatisfaction = inc.Status == incident.StatusClosed &&
		(v.Answered == nil || v.Answered.At.Before(inc.ClosedAt))
}

// markNoticesSeen marks the person's unread notices about incident id
// read: they are looking at it now.
func (s *Server) markNoticesSeen(r *http.Request, p *web.Page, id int64) {
	notes, err := s.incidents.Notifications(r.Context(), p.Principal)
	if err != nil {
		s.Log().Warn("meldingen: notificaties lezen mislukt", "err", err)
		return
	}
	for _, n := range notes {
		if n.IncidentID == id && n.ReadAt.IsZero() {
			if err := s.incidents.MarkNotificationRead(r.Context(), p.Principal, n.ID); err != nil {
				s.Log().Warn("meldingen: notificatie markeren mislukt", "err", err)
			}
		}
	}
}

func joinNonEmpty(parts ...string) string {
	out := ""
	for _, s := range parts {
		if s == "" {
			continue
		}
		if out != "" {
			out += " — "
		}
		out += s
	}
	return out
}
