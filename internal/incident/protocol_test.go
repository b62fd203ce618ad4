package incident

import (
	"context"
	"errors"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func demoProtocol() Protocol {
	return Protocol{
		Norm:                "Wij accepteren geen bedreiging, intimidatie of geweld tegen bestuurders en medewerkers.",
		ReportTo:            "Meld het bij de griffier of de gemeentesecretaris, dezelfde dag.",
		Steps:               "Binnen een werkdag een gesprek; bij bedreiging altijd aangifte door de werkgever.",
		ConfidentialAdviser: "Vertrouwenspersoon (demo), vertrouwenspersoon@example.nl",
		Contacts:            "Ondersteuningsteam Weerbaar Bestuur; politie 0900-8844",
	}
}

func TestProtocolKeepsEveryVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		coord := f.coordinator(f.orgA)
		member := f.member(1, f.orgA)
		if _, err := f.svc.Protocol(ctx, member, f.orgA); !errors.Is(err, ErrNotFound) {
			t.Errorf("no protocol yet: %v", err)
		}
		v1 := demoProtocol()
		if _, err := f.svc.SaveProtocol(ctx, coord, f.orgA, v1); err != nil {
			t.Fatal(err)
		}
		f.clock.advance(24 * time.Hour)
		v2 := demoProtocol()
		v2.Steps = "Binnen een werkdag een gesprek; de burgemeester schrijft de dader binnen 48 uur aan."
		if _, err := f.svc.SaveProtocol(ctx, coord, f.orgA, v2); err != nil {
			t.Fatal(err)
		}
		cur, err := f.svc.Protocol(ctx, member, f.orgA)
		if err != nil || cur.Version != 2 || cur.Steps != v2.Steps || cur.AuthorID != coord.AccountID || cur.FirstContactDays != 1 {
			t.Errorf("current %+v %v", cur, err)
		}
		hist, err := f.svc.ProtocolHistory(ctx, coord, f.orgA)
		if err != nil || len(hist) != 2 || hist[1].Steps != v1.Steps || !hist[0].CreatedAt.After(hist[1].CreatedAt) {
			t.Errorf("history %+v %v", hist, err)
		}
	})
}

func TestOnlyOwnCoordinatorEditsProtocol(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		for _, p := range []*auth.Principal{f.member(1, f.orgA), f.coordinator(f.orgB),
			f.role(auth.RoleSupportTeam, 0), f.role(auth.RoleAdmin, f.orgA)} {
			_, err := f.svc.SaveProtocol(ctx, p, f.orgA, demoProtocol())
			wantForbidden(t, err)
		}
		_, err := f.svc.Protocol(ctx, f.member(1, f.orgB), f.orgA)
		wantForbidden(t, err)
		bad := demoProtocol()
		bad.Norm, bad.FirstContactDays = "", 30
		_, err = f.svc.SaveProtocol(ctx, f.coordinator(f.orgA), f.orgA, bad)
		codes := fieldCodes(t, err)
		if codes["norm"] != "required" || codes["firstContactDays"] != "range" {
			t.Errorf("codes %v", codes)
		}
	})
}

func TestOrganisationsWithoutProtocolForTheSupportTeam(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		support := f.role(auth.RoleSupportTeam, 0)
		before, err := f.svc.OrganisationsWithoutProtocol(ctx, support)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.SaveProtocol(ctx, f.coordinator(f.orgA), f.orgA, demoProtocol()); err != nil {
			t.Fatal(err)
		}
		after, _ := f.svc.OrganisationsWithoutProtocol(ctx, support)
		if len(before) < 300 || len(after) != len(before)-1 {
			t.Errorf("without protocol: %d before, %d after (want every gemeente, provincie and waterschap, minus one)", len(before), len(after))
		}
		for _, o := range after {
			if o.ID == f.orgA {
				t.Error("the organisation with a protocol is still listed")
			}
			if o.Kind != "gemeente" && o.Kind != "provincie" && o.Kind != "waterschap" {
				t.Errorf("%s (%s) is not a public body", o.Name, o.Kind)
			}
		}
		_, err = f.svc.OrganisationsWithoutProtocol(ctx, f.coordinator(f.orgA))
		wantForbidden(t, err)
	})
}
