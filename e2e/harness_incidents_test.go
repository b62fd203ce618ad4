package e2e

import (
	"context"
	"crypto/rand"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
)

// principal is p as the services see them after a fresh login.
func (p *person) principal() *auth.Principal {
	return &auth.Principal{AccountID: p.Account.ID, OrgID: p.Account.OrgID, Role: p.Account.Role,
		Name: p.Name, Email: p.Email, VerifiedAt: time.Now()}
}

// exampleIncident is a complete report of something that happened to a
// wethouder at the market a few hours ago.
func exampleIncident(description string, kinds ...incident.Kind) *incident.Incident {
	return &incident.Incident{
		Mode:        incident.ModeSelf,
		VictimRole:  incident.RoleWethouder,
		OccurredAt:  time.Now().Add(-3 * time.Hour),
		Place:       incident.Place{Kind: incident.PlacePublic, Detail: "Markt, bij de kraam van de partij"},
		Description: description,
		Kinds:       kinds,
		Perpetrator: incident.Perpetrator{Kind: incident.PerpetratorUnknownCitizen},
		Impact:      incident.Impact{Personal: "Ik ben geschrokken.", FeelsUnsafe: true},
	}
}

// reportIncident submits a complete incident as p through the meldingen
// service, as the report form would, and returns its number.
func (s *server) reportIncident(t *testing.T, p *person, description string, kinds ...incident.Kind) int64 {
	t.Helper()
	inc, err := s.App.Incidents.Submit(context.Background(), p.principal(), exampleIncident(description, kinds...), rand.Text())
	if err != nil {
		t.Fatalf("report an incident as %s: %v", p.Name, err)
	}
	return inc.ID
}

// draftIncident saves a complete report as p's draft, as if they had
// filled in every step of the form but not yet sent it.
func (s *server) draftIncident(t *testing.T, p *person, description string, kinds ...incident.Kind) int64 {
	t.Helper()
	id, err := s.App.Incidents.SaveDraft(context.Background(), p.principal(), exampleIncident(description, kinds...))
	if err != nil {
		t.Fatalf("save a draft as %s: %v", p.Name, err)
	}
	return id
}
