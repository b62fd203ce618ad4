package meldingen

import (
	"bytes"
	"fmt"
	"net/http"
	"time"

	"weerbaar/internal/incident/aangifte"
	"weerbaar/internal/nltime"
	"weerbaar/internal/web"
)

// aangifteSheet builds the police sheet of the reporter's own incident:
// the same aangifte.Sheet prints as HTML and as PDF, so both say the same.
// It is given the organisation's name and postal address and the
// domicile recorded with the aangifte, never any other address of the
// reporter, so a home address cannot end up on it.
func (s *Server) aangifteSheet(w http.ResponseWriter, r *http.Request, p *web.Page) (*aangifte.Sheet, int64, bool) {
	inc, ok := s.ownIncident(w, r, p)
	if !ok {
		return nil, 0, false
	}
	files, err := s.incidents.Attachments(r.Context(), p.Principal, inc.ID)
	if err != nil {
		s.failIncident(w, r, err)
		return nil, 0, false
	}
	// The organisation's postal address from its protocol; the recorded
	// domicile comes with the incident's aangifte records.
	postal, err := s.incidents.OrgPostalAddress(r.Context(), p.Principal, inc.ID)
	if err != nil {
		s.failIncident(w, r, err)
		return nil, 0, false
	}
	sheet := aangifte.Build(aangifte.Input{Incident: inc, Files: files, Organisation: s.orgName(r, inc.OrgID),
		OrgAddress: aangifte.Lines(postal), Now: time.Now(), Location: nltime.Location()})
	return sheet, inc.ID, true
}

// aangiftePage is the printable sheet (the print stylesheet hides the
// page's chrome).
func (s *Server) aangiftePage(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "aangifte.page.title")
	sheet, id, ok := s.aangifteSheet(w, r, p)
	if !ok {
		return
	}
	p.Data = struct {
		ID    int64
		Sheet *aangifte.Sheet
	}{id, sheet}
	s.Render(w, r, http.StatusOK, "aangifte", p)
}

// aangiftePDF is the same sheet as a PDF download.
func (s *Server) aangiftePDF(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "aangifte.page.title")
	sheet, id, ok := s.aangifteSheet(w, r, p)
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := aangifte.WritePDF(&buf, sheet); err != nil {
		s.ServerError(w, r, fmt.Errorf("aangifte %d: pdf: %w", id, err))
		return
	}
	sendFile(w, "application/pdf", fmt.Sprintf("aangifte-melding-%d.pdf", id), buf.Bytes())
}
