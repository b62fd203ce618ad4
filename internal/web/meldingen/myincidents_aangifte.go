package meldingen

import (
	"net/http"
	"strings"
	"time"

	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// aangifteChoices are the options of the reporter's "I filed a report" form.
// The labels are the follow-up pages' (followup.aangifte.*), so both
// sides of an incident name the same things the same way.
type aangifteChoices struct {
	Types, FiledBy, Answers, Addresses []web.Option
	Latest                             *incident.Aangifte
	Open                               bool // the form is unfolded (problems, or nothing recorded yet)
}

func (s *Server) aangifteChoices(p *web.Page, inc *incident.Incident) aangifteChoices {
	c := aangifteChoices{
		Types:   web.LabelOptions(p, "followup.aangifte.type.", []incident.ReportType{incident.ReportAangifte, incident.ReportMelding}),
		FiledBy: web.LabelOptions(p, "followup.aangifte.filedBy.", []incident.FiledBy{incident.FiledByVictim, incident.FiledByEmployer}),
		Answers: web.LabelOptions(p, "followup.answer.", []incident.Answer{incident.Unknown, incident.Yes, incident.No}),
		Addresses: web.LabelOptions(p, "followup.aangifte.address.", []incident.AddressChoice{incident.AddressOrganisation,
			incident.AddressDomicile, incident.AddressHome}),
	}
	if n := len(inc.Aangiftes); n > 0 {
		c.Latest = &inc.Aangiftes[n-1]
	}
	c.Open = p.Form != nil && p.Form.Get("form") == "aangifte" && p.Form.HasErrors()
	return c
}

// myIncidentAangifte records the reporter's own melding or aangifte at the
// police; it meets the aangifte reminder. The home address is refused
// with the reason (the suspect can read the file).
func (s *Server) myIncidentAangifte(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "mine.title")
	inc, ok := s.ownIncident(w, r, p)
	if !ok {
		return
	}
	p.Form = web.NewForm(r)
	f := p.Form
	a := incident.Aangifte{Type: incident.ReportType(f.Get("type")), FiledBy: incident.FiledBy(f.Get("filedBy")),
		VPTAsked: f.Get("vptAsked") == "ja", VPTApplied: incident.Answer(f.Get("vptApplied")),
		Address: incident.AddressChoice(f.Get("address")), Domicile: f.Get("domicile"), UnderNumber: f.Get("underNumber") == "ja",
		PoliceUnit: strings.TrimSpace(f.Get("policeUnit")), PVNumber: strings.TrimSpace(f.Get("pvNumber")),
		PVPlace: strings.TrimSpace(f.Get("pvPlace"))}
	if day, ok := parseDay(f.Get("filedOn")); ok {
		a.FiledOn = day
	} else {
		f.AddError("filedOn", p.T("report.error.day_format"))
	}
	if !f.HasErrors() {
		_, err := s.incidents.RecordAangifte(r.Context(), p.Principal, inc.ID, a)
		if !s.AddProblems(r, f, err) && err != nil {
			s.failIncident(w, r, err)
			return
		}
	}
	if f.HasErrors() {
		s.showAgain(w, r, p, inc)
		return
	}
	s.SetFlash(w, r, "ok", "flash.incident_aangifte_recorded")
	web.Redirect(w, r, reportHref(inc.ID)+"#aangifte")
}

// parseDay reads a date as the browser's date input sends it, or the
// Dutch way (23-11-2026). Empty is left to the service ("required").
func parseDay(s string) (time.Time, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "/", "-")
	if s == "" {
		return time.Time{}, true
	}
	for _, l := range []string{"2006-01-02", "2-1-2006"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
