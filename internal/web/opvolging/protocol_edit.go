package opvolging

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// Form fields of the norm and aggression protocol (GET/POST /organisatie/protocol):
// norm, reportTo, steps, confidentialAdviser, contacts, firstContactDays, postalAddress
// (where police, OM and court write about an aangifte; printed on the aangifte sheet).

// protocolView is the protocol page: the form, and the current version.
type protocolView struct {
	OrgName string
	Current *incident.Protocol
	Saved   string // date of the current version
	Author  string
}

// protocolForm shows the organisation's protocol in a form to save a new
// version, filled with the current one.
func (s *Server) protocolForm(w http.ResponseWriter, r *http.Request) {
	if s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	p := s.Page(r, "followup.protocol.title")
	cur, err := s.incidents.Protocol(r.Context(), p.Principal, p.Principal.OrgID)
	if err != nil && !errors.Is(err, incident.ErrNotFound) {
		s.coordFail(w, r, err, false)
		return
	}
	p.Form = web.FormOf(protocolValues(cur))
	s.renderProtocol(w, r, p, cur, http.StatusOK)
}

// protocolSave stores the form as a new version; the old ones stay.
func (s *Server) protocolSave(w http.ResponseWriter, r *http.Request) {
	if s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	p := s.Page(r, "followup.protocol.title")
	f := web.NewForm(r)
	in := incident.Protocol{Norm: strings.TrimSpace(f.Get("norm")), ReportTo: strings.TrimSpace(f.Get("reportTo")),
		Steps: strings.TrimSpace(f.Get("steps")), ConfidentialAdviser: strings.TrimSpace(f.Get("confidentialAdviser")),
		Contacts: strings.TrimSpace(f.Get("contacts")), PostalAddress: strings.TrimSpace(f.Get("postalAddress"))}
	if v := strings.TrimSpace(f.Get("firstContactDays")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			s.coordAddError(r, f, "firstContactDays", s.Catalog().T(p.Lang, "valid.range", 1, 10))
		}
		in.FirstContactDays = n
	}
	var err error
	if !f.HasErrors() {
		_, err = s.incidents.SaveProtocol(r.Context(), p.Principal, p.Principal.OrgID, in)
	}
	if f.HasErrors() || s.coordProblems(r, f, err, nil) {
		cur, _ := s.incidents.Protocol(r.Context(), p.Principal, p.Principal.OrgID)
		p.Form = f
		s.renderProtocol(w, r, p, cur, http.StatusUnprocessableEntity)
		return
	}
	if err != nil {
		s.coordFail(w, r, err, false)
		return
	}
	s.SetFlash(w, r, "ok", "flash.followup.protocol_saved")
	web.Redirect(w, r, "/organisatie/protocol")
}

func (s *Server) renderProtocol(w http.ResponseWriter, r *http.Request, p *web.Page, cur *incident.Protocol, status int) {
	v := protocolView{OrgName: s.coordOrgName(r, p.Principal.OrgID), Current: cur}
	if cur != nil {
		v.Saved = coordDateTime(cur.CreatedAt)
		v.Author = coordActor(p.T, s.coordNames(r, p.Principal), cur.AuthorID, -1)
	}
	p.Data = v
	s.Render(w, r, status, "protocol_edit", p)
}

func protocolValues(cur *incident.Protocol) url.Values {
	v := url.Values{}
	if cur == nil {
		return v
	}
	v.Set("norm", cur.Norm)
	v.Set("reportTo", cur.ReportTo)
	v.Set("steps", cur.Steps)
	v.Set("confidentialAdviser", cur.ConfidentialAdviser)
	v.Set("contacts", cur.Contacts)
	v.Set("postalAddress", cur.PostalAddress)
	v.Set("firstContactDays", strconv.Itoa(cur.FirstContactDays))
	return v
}
