package incident

import (
	"context"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// TestTimelineCannotBeEditedInTheDatabase: history, follow-up, aangifte
// records, chain steps, satisfaction answers and protocol versions refuse
// UPDATE from any client, not only from this package.
func TestTimelineCannotBeEditedInTheDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		reporter, coord := f.member(1, f.orgA), f.coordinator(f.orgA)
		inc := f.submit(t, reporter, f.report())
		mustNil := func(_ any, err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		mustNil(f.svc.AddFollowUp(ctx, coord, inc.ID, FollowUp{Kind: FollowTalk}))
		mustNil(f.svc.RecordAangifte(ctx, coord, inc.ID, Aangifte{Type: ReportAangifte,
			FiledBy: FiledByEmployer, Address: AddressOrganisation, FiledOn: f.clock.t}))
		mustNil(f.svc.AddChainStep(ctx, coord, inc.ID, ChainStep{Step: ChainAangifte, On: f.clock.t}))
		mustNil(f.svc.AddFollowUp(ctx, coord, inc.ID, FollowUp{Kind: FollowClosed}))
		mustNil(nil, f.svc.AnswerSatisfaction(ctx, reporter, inc.ID, true, ""))
		mustNil(f.svc.SaveProtocol(ctx, coord, f.orgA, demoProtocol()))

		for _, stmt := range []string{
			`UPDATE incident_status_history SET to_status = 'afgesloten'`,
			`UPDATE incident_followups SET kind = 'notitie'`,
			`UPDATE incident_aangiftes SET address_used = 'domicile'`,
			`UPDATE incident_chain_steps SET outcome = 'seponering'`,
			`UPDATE incident_satisfaction SET satisfied = FALSE`,
			`UPDATE org_protocols SET norm = 'alles mag'`,
		} {
			if _, err := db.ExecContext(ctx, stmt); err == nil {
				t.Errorf("%s: accepted, want refused", stmt)
			}
		}
	})
}
