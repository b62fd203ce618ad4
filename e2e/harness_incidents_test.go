package e2e

import (
	"context"
	"crypto/rand"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
)

// reportIncident submits a complete incident as p through the meldingen
// service, as the report form would, and returns its number.
func (s *server) reportIncident(t *testing.T, p *person, description string, kinds ...incident.Kind) int64 {
	t.Helper()
	who := &auth.Principal{AccountID: p.Account.ID, OrgID: p.Account.OrgID, Role: p.Account.Role,
		Name: p.Name, Email: p.Email, VerifiedAt: time.Now()}
	inc, err := s.App.Incidents.Submit(context.Background(), who, &incident.Incident{
		Mode:        incident.ModeSelf,
		VictimRole:  incident.RoleWethouder,
		OccurredAt:  time.Now().Add(-3 * time.Hour),
		Place:       incident.Place{Kind: incident.PlacePublic, Detail: "Markt, bij de kraam van de partij"},
		Description: description,
		Kinds:       kinds,
		Perpetrator: incident.Perpetrator{Kind: incident.PerpetratorUnknownCitizen},
		Impact:      incident.Impact{Personal: "Ik ben geschrokken.", FeelsUnsafe: true},
	}, rand.Text())
	if err != nil {
		t.Fatalf("report an incident as %s: %v", p.Name, err)
	}
	return inc.ID
}
