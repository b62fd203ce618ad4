package incident

import (
	"bytes"
	"context"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestCoordinatorCannotSeeOtherOrganisationsIncidents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		inc := f.submit(t, f.member(1, f.orgA), f.report())
		other := f.coordinator(f.orgB)

		_, err := f.svc.Get(ctx, other, inc.ID)
		wantForbidden(t, err)
		_, err = f.svc.ListForOrg(ctx, other, f.orgA, Filter{})
		wantForbidden(t, err)
		_, err = f.svc.AddFollowUp(ctx, other, inc.ID, FollowUp{Kind: FollowTalk})
		wantForbidden(t, err)
		_, err = f.svc.RecordAangifte(ctx, other, inc.ID, Aangifte{Type: ReportAangifte,
			FiledBy: FiledByEmployer, Address: AddressOrganisation, FiledOn: f.clock.t})
		wantForbidden(t, err)
		_, err = f.svc.AddChainStep(ctx, other, inc.ID, ChainStep{Step: ChainAangifte, On: f.clock.t})
		wantForbidden(t, err)
		wantForbidden(t, f.svc.ExportCSV(ctx, other, f.orgA, Filter{}, &bytes.Buffer{}))

		own, err := f.svc.ListForOrg(ctx, other, f.orgB, Filter{})
		if err != nil || own.Total != 0 {
			t.Errorf("other coördinator's own list: %+v %v, want empty", own, err)
		}
		if n := countAudit(t, db, "incident.denied", inc.ID); n < 4 {
			t.Errorf("%d refusals audited for the incident, want at least 4", n)
		}
	})
}

func TestCoordinatorSeesAndFollowsUpOwnOrganisation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		inc := f.submit(t, f.member(1, f.orgA), f.report())
		coord := f.coordinator(f.orgA)
		got, err := f.svc.Get(ctx, coord, inc.ID)
		if err != nil || got.Description != f.report().Description {
			t.Fatalf("own organisation's coördinator: %v", err)
		}
		if _, err := f.svc.AddFollowUp(ctx, coord, inc.ID, FollowUp{Kind: FollowTalk}); err != nil {
			t.Errorf("follow-up: %v", err)
		}
	})
}

func TestReporterSeesOnlyOwnIncidents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		mine := f.submit(t, f.member(1, f.orgA), f.report())
		theirs := f.submit(t, f.member(2, f.orgA), f.report())
		p := f.member(1, f.orgA)
		if _, err := f.svc.Get(ctx, p, mine.ID); err != nil {
			t.Errorf("own incident: %v", err)
		}
		_, err := f.svc.Get(ctx, p, theirs.ID)
		wantForbidden(t, err)
		list, err := f.svc.ListOwn(ctx, p)
		if err != nil || len(list) != 1 || list[0].ID != mine.ID {
			t.Errorf("own list %+v %v, want only %d", list, err, mine.ID)
		}
		_, err = f.svc.ListForOrg(ctx, p, f.orgA, Filter{})
		wantForbidden(t, err)
	})
}

func TestSupportTeamReadsOnlyReferredIncidents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		support := f.role(auth.RoleSupportTeam, 0)
		inc := f.submit(t, f.member(1, f.orgA), f.report())
		_, err := f.svc.Get(ctx, support, inc.ID)
		wantForbidden(t, err)
		if _, err := f.svc.AddFollowUp(ctx, f.coordinator(f.orgA), inc.ID, FollowUp{Kind: FollowReferredSupport}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Get(ctx, support, inc.ID); err != nil {
			t.Errorf("referred incident: %v", err)
		}
		f.submit(t, f.member(2, f.orgB), f.report()) // not referred
		list, err := f.svc.ListReferred(ctx, support)
		if err != nil || len(list) != 1 || list[0].ID != inc.ID {
			t.Errorf("referred list %+v %v, want only %d", list, err, inc.ID)
		}
		_, err = f.svc.ListReferred(ctx, f.coordinator(f.orgA))
		wantForbidden(t, err)
		_, err = f.svc.AddFollowUp(ctx, support, inc.ID, FollowUp{Kind: FollowNote, Note: "x"})
		wantForbidden(t, err)
	})
}

func TestPartnerSecretariatAndAdminSeeNoIncidents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		inc := f.submit(t, f.member(1, f.orgA), f.report())
		f.svc.AddFollowUp(ctx, f.coordinator(f.orgA), inc.ID, FollowUp{Kind: FollowReferredSupport})
		for _, r := range []auth.Role{auth.RolePartner, auth.RoleSecretariat, auth.RoleAdmin} {
			p := f.role(r, f.orgA)
			_, err := f.svc.Get(ctx, p, inc.ID)
			wantForbidden(t, err)
			_, err = f.svc.ListForOrg(ctx, p, f.orgA, Filter{})
			wantForbidden(t, err)
			wantForbidden(t, f.svc.ExportCSV(ctx, p, f.orgA, Filter{}, &bytes.Buffer{}))
			_, err = f.svc.Submit(ctx, p, f.report(), "")
			wantForbidden(t, err)
		}
	})
}

func TestEveryViewOfAnIncidentIsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		p := f.member(1, f.orgA)
		inc := f.submit(t, p, f.report())
		if n := countAudit(t, db, "incident.submit", inc.ID); n != 1 {
			t.Errorf("submit audited %d times, want 1", n)
		}
		for i := 0; i < 3; i++ {
			if _, err := f.svc.Get(ctx, f.coordinator(f.orgA), inc.ID); err != nil {
				t.Fatal(err)
			}
		}
		if n := countAudit(t, db, "incident.read", inc.ID); n != 3 {
			t.Errorf("3 views audited %d times", n)
		}
		f.svc.AddFollowUp(ctx, f.coordinator(f.orgA), inc.ID, FollowUp{Kind: FollowTalk})
		if n := countAudit(t, db, "incident.followup", inc.ID); n != 1 {
			t.Errorf("follow-up audited %d times, want 1", n)
		}
		f.svc.ExportCSV(ctx, f.coordinator(f.orgA), f.orgA, Filter{}, &bytes.Buffer{})
		if n := countAudit(t, db, "incident.export", f.orgA); n != 1 {
			t.Errorf("export audited %d times, want 1", n)
		}
	})
}
