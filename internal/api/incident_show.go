package api

import (
	"errors"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
)

// listOwnIncidents answers GET /meldingen: the person's own reports.
func (s *Server) listOwnIncidents(w http.ResponseWriter, r *http.Request) error {
	list, err := s.deps.Incidents.OwnList(r.Context(), auth.FromContext(r.Context()))
	if err != nil {
		return err
	}
	docs, err := s.summaryDocs(r.Context(), list.Items)
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, ownListDoc{Items: docs, skippedDoc: s.skipped(r, list.Skipped)})
	return nil
}

// ownListDoc is the person's own reports (schema MeldingenLijst).
type ownListDoc struct {
	Items []summaryDoc `json:"items"`
	skippedDoc
}

// hideExistence answers a refusal on one melding as "not found", exactly
// as for an id that does not exist, so nobody can probe which ids exist in
// other organisations (the web pages do the same). The refusal is still
// audited by the service.
func hideExistence(err error) error {
	if errors.Is(err, incident.ErrForbidden) {
		return apiError(http.StatusNotFound, "api.detail.not_found")
	}
	return err
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
		return hideExistence(err)
	}
	doc, err := s.incidentDoc(r, s.orgNames(), inc)
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, doc)
	return nil
}
