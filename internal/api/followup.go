package api

import (
	"fmt"
	"net/http"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
)

// followUpInput is the body of POST /meldingen/{id}/opvolgingen (schema
// OpvolgingInvoer).
type followUpInput struct {
	Kind         incident.FollowUpKind `json:"kind"`
	ReactionForm incident.ReactionForm `json:"reactionForm"`
	DoneAt       string                `json:"doneAt"`
	Note         string                `json:"note"`
}

// createFollowUp answers POST /meldingen/{id}/opvolgingen.
func (s *Server) createFollowUp(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in followUpInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	f := incident.FollowUp{Kind: in.Kind, ReactionForm: in.ReactionForm, Note: in.Note}
	if in.DoneAt != "" {
		t, err := time.Parse(time.RFC3339, in.DoneAt)
		if err != nil {
			return badRequest("api.detail.invalid_fields", paramProblem{name: "doneAt", reason: "api.reason.datetime"})
		}
		f.DoneAt = t
	}
	got, err := s.deps.Incidents.AddFollowUp(r.Context(), auth.FromContext(r.Context()), id, f)
	if err != nil {
		return hideExistence(err)
	}
	w.Header().Set("Location", fmt.Sprintf("%s/meldingen/%d/opvolgingen", Prefix, id))
	s.writeJSON(w, r, http.StatusCreated, followUpOf(*got))
	return nil
}

// listFollowUps answers GET /meldingen/{id}/opvolgingen: reading them is
// reading the incident, with the same access rule and audit.
func (s *Server) listFollowUps(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	inc, err := s.deps.Incidents.Get(r.Context(), auth.FromContext(r.Context()), id)
	if err != nil {
		return hideExistence(err)
	}
	items := make([]followUpDoc, 0, len(inc.FollowUps))
	for _, f := range inc.FollowUps {
		items = append(items, followUpOf(f))
	}
	s.writeJSON(w, r, http.StatusOK, itemsDoc[followUpDoc]{Items: items})
	return nil
}
