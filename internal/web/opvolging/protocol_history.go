package opvolging

import (
	"net/http"
)

// protocolVersion is one saved version in the history.
type protocolVersion struct {
	Version int
	Saved   string
	Author  string
	Facts   []coordFact
}

// protocolHistory lists every version of the organisation's protocol,
// newest first, with date and author.
func (s *Server) protocolHistory(w http.ResponseWriter, r *http.Request) {
	if s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	p := s.Page(r, "followup.protocol.history.title")
	list, err := s.incidents.ProtocolHistory(r.Context(), p.Principal, p.Principal.OrgID)
	if err != nil {
		s.coordFail(w, r, err, false)
		return
	}
	names := s.coordNames(r, p.Principal)
	var out []protocolVersion
	for _, pr := range list {
		out = append(out, protocolVersion{Version: pr.Version, Saved: coordDateTime(pr.CreatedAt),
			Author: coordActor(p.T, names, pr.AuthorID, -1), Facts: []coordFact{
				{Label: p.T("followup.protocol.norm.label"), Value: pr.Norm, Multiline: true},
				{Label: p.T("followup.protocol.reportTo.label"), Value: pr.ReportTo, Multiline: true},
				{Label: p.T("followup.protocol.steps.label"), Value: pr.Steps, Multiline: true},
				{Label: p.T("followup.protocol.confidentialAdviser.label"), Value: pr.ConfidentialAdviser, Multiline: true},
				{Label: p.T("followup.protocol.contacts.label"), Value: pr.Contacts, Multiline: true},
				{Label: p.T("followup.protocol.postalAddress.label"), Value: pr.PostalAddress, Multiline: true},
				{Label: p.T("followup.protocol.firstContactDays.label"), Value: p.T("followup.protocol.days", pr.FirstContactDays)},
			}})
	}
	p.Data = out
	s.Render(w, r, http.StatusOK, "protocol_history", p)
}
