package incident

import (
	"bytes"
	"context"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

const demoDomicile = "Advocatenkantoor (demo)\nPostbus 200\n2000 BB Voorbeeld"

func domicileAangifte(f *fixture) Aangifte {
	return Aangifte{Type: ReportAangifte, FiledBy: FiledByVictim, VPTAsked: true,
		Address: AddressDomicile, Domicile: demoDomicile, FiledOn: f.clock.t}
}

func TestChosenDomicileIsRequiredAndSealed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())

		missing := domicileAangifte(f)
		missing.Domicile = "  \n "
		_, err := f.svc.RecordAangifte(ctx, reporter, inc.ID, missing)
		if codes := fieldCodes(t, err); codes["domicile"] != "required" {
			t.Errorf("domicile chosen without an address: %v", codes)
		}
		rec, err := f.svc.RecordAangifte(ctx, reporter, inc.ID, domicileAangifte(f))
		if err != nil {
			t.Fatal(err)
		}
		var sealed []byte
		if err := db.QueryRowContext(ctx, `SELECT domicile_enc FROM incident_aangiftes WHERE id = $1`,
			rec.ID).Scan(&sealed); err != nil {
			t.Fatal(err)
		}
		if len(sealed) == 0 || bytes.Contains(sealed, []byte("Advocatenkantoor")) {
			t.Errorf("domicile at rest: %q", sealed)
		}
		got, err := f.svc.Get(ctx, f.coordinator(f.orgA), inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d := got.Aangiftes[len(got.Aangiftes)-1].Domicile; d != demoDomicile {
			t.Errorf("domicile reads back as %q", d)
		}
	})
}

func TestDomicileIsDroppedWhenTheOrganisationsAddressIsChosen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		in := domicileAangifte(f)
		in.Address = AddressOrganisation
		rec, err := f.svc.RecordAangifte(ctx, reporter, inc.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		var sealed []byte
		if err := db.QueryRowContext(ctx, `SELECT domicile_enc FROM incident_aangiftes WHERE id = $1`,
			rec.ID).Scan(&sealed); err != nil {
			t.Fatal(err)
		}
		if rec.Domicile != "" || len(sealed) != 0 {
			t.Errorf("a domicile not chosen was kept: %q, %d bytes", rec.Domicile, len(sealed))
		}
	})
}

func TestProtocolKeepsThePostalAddressPerVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		coord := f.coordinator(f.orgA)
		v1 := demoProtocol()
		v1.PostalAddress = "Gemeente (demo)\nPostbus 100\n1000 AA Voorbeeld"
		if _, err := f.svc.SaveProtocol(ctx, coord, f.orgA, v1); err != nil {
			t.Fatal(err)
		}
		v2 := demoProtocol()
		v2.PostalAddress = "Gemeente (demo)\nPostbus 300\n1000 AC Voorbeeld"
		if _, err := f.svc.SaveProtocol(ctx, coord, f.orgA, v2); err != nil {
			t.Fatal(err)
		}
		hist, err := f.svc.ProtocolHistory(ctx, coord, f.orgA)
		if err != nil || len(hist) != 2 || hist[0].PostalAddress != v2.PostalAddress || hist[1].PostalAddress != v1.PostalAddress {
			t.Errorf("history %+v %v", hist, err)
		}
		long := demoProtocol()
		long.PostalAddress = string(bytes.Repeat([]byte("x"), maxShort+1))
		_, err = f.svc.SaveProtocol(ctx, coord, f.orgA, long)
		if codes := fieldCodes(t, err); codes["postalAddress"] != "too_long" {
			t.Errorf("long postal address: %v", codes)
		}
	})
}

func TestOrgPostalAddressForWhoeverMayReadTheIncident(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		if got, err := f.svc.OrgPostalAddress(ctx, reporter, inc.ID); err != nil || got != "" {
			t.Errorf("without a protocol: %q %v", got, err)
		}
		pr := demoProtocol()
		pr.PostalAddress = "Gemeente (demo)\nPostbus 100\n1000 AA Voorbeeld"
		if _, err := f.svc.SaveProtocol(ctx, f.coordinator(f.orgA), f.orgA, pr); err != nil {
			t.Fatal(err)
		}
		for _, p := range []*auth.Principal{reporter, f.coordinator(f.orgA)} {
			if got, err := f.svc.OrgPostalAddress(ctx, p, inc.ID); err != nil || got != pr.PostalAddress {
				t.Errorf("%s: %q %v", p.Role, got, err)
			}
		}
		for _, p := range []*auth.Principal{f.member(2, f.orgA), f.coordinator(f.orgB)} {
			_, err := f.svc.OrgPostalAddress(ctx, p, inc.ID)
			wantForbidden(t, err)
		}
	})
}
