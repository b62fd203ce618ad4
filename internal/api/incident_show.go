package api

import (
	"net/http"

	"weerbaar/internal/auth"
)

// listOwnIncidents answers GET /meldingen: the person's own reports.
func (s *Server) listOwnIncidents(w http.ResponseWriter, r *http.Request) error {
	items, err := s.deps.Incidents.ListOwn(r.Context(), auth.FromContext(r.Context()))
	if err != nil {
		return err
	}
	docs, err := s.summaryDocs(r.Context(), items)
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, itemsDoc[summaryDoc]{Items: docs})
	return nil
}

// showIncident answers GET /meldingen/{id}; the service decides who may
// read it and audits the read.
func (s *Server) showIncident(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	inc, err := s.deps.Incidents.Get(r.Context(), auth.FromContext(r.Context()), id)
	if err != nil {
		return err
	}
	doc, err := s.incidentDoc(r, s.orgNames(), inc)
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, doc)
	return nil
}
