package incident

import (
	"context"
	"errors"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestAnonymousReportIsValidatedAndNeedsAnOrganisationThatHandlesReports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		anon := f.anonymous(AnonymousLimits{})
		var partner int64
		if err := db.QueryRowContext(ctx, `SELECT id FROM organisations WHERE kind = 'partner' ORDER BY id LIMIT 1`).Scan(&partner); err != nil {
			t.Fatal(err)
		}
		cases := map[string]struct {
			org   int64
			field string
			code  string
		}{
			"no organisation":       {0, "orgId", "required"},
			"no such organisation":  {987654321, "orgId", "unknown"},
			"a partner, no handler": {partner, "orgId", "unknown"},
		}
		for name, c := range cases {
			_, err := anon.Report(ctx, anonAddr, f.anonReport(c.org))
			if got := fieldCodes(t, err)[c.field]; got != c.code {
				t.Errorf("%s: %s = %q, want %q", name, c.field, got, c.code)
			}
		}
		// An anonymous witness may not name the person it was aimed at.
		witness := f.anonReport(f.orgA)
		witness.Mode, witness.VictimDescription = ModeWitness, "Wethouder (demo)"
		_, err := anon.Report(ctx, anonAddr, witness)
		if got := fieldCodes(t, err)["victimDescription"]; got != "witness_no_identity" {
			t.Errorf("anonymous witness naming the victim: %q", got)
		}
		// An id of an existing incident in the input never edits it.
		mine := f.submit(t, f.member(1, f.orgA), f.report())
		in := f.anonReport(f.orgA)
		in.ID, in.ReporterID = mine.ID, 1
		code, err := anon.Report(ctx, anonAddr, in)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := anon.Status(ctx, anonAddr, code.String())
		if v.Incident.ID == mine.ID || v.Incident.ReporterID != 0 {
			t.Fatalf("anonymous report took over incident %d / reporter %d", v.Incident.ID, v.Incident.ReporterID)
		}
	})
}

func TestOnlyTheChosenOrganisationsCoordinatorSeesAnAnonymousReport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		anon := f.anonymous(AnonymousLimits{})
		code, err := anon.Report(ctx, anonAddr, f.anonReport(f.orgA))
		if err != nil {
			t.Fatal(err)
		}
		v, _ := anon.Status(ctx, anonAddr, code.String())
		id := v.Incident.ID
		for name, p := range map[string]*auth.Principal{
			"coördinator of another organisation": f.coordinator(f.orgB),
			"member of the organisation":          f.member(5, f.orgA),
			"support team (not referred)":         f.role(auth.RoleSupportTeam, 0),
			"beheerder":                           f.role(auth.RoleAdmin, 0),
			"nobody":                              nil,
		} {
			if _, err := f.svc.Get(ctx, p, id); !errors.Is(err, ErrForbidden) {
				t.Errorf("%s reads: %v", name, err)
			}
			if _, err := f.svc.Messages(ctx, p, id); !errors.Is(err, ErrForbidden) {
				t.Errorf("%s reads messages: %v", name, err)
			}
			if _, err := f.svc.SendMessage(ctx, p, id, "hallo"); !errors.Is(err, ErrForbidden) {
				t.Errorf("%s writes: %v", name, err)
			}
		}
		if _, err := f.svc.Get(ctx, f.coordinator(f.orgA), id); err != nil {
			t.Fatalf("own coördinator: %v", err)
		}
	})
}
