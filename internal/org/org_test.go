package org_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"weerbaar/internal/org"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var mid2025 = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func TestReferenceDataHasEveryOrganisationOf2025(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := org.New(db)
		for _, c := range []struct {
			kind org.Kind
			want int
		}{
			{org.Gemeente, 342}, {org.Provincie, 12}, {org.Waterschap, 21}, {org.Rijk, 15},
		} {
			got, err := svc.List(context.Background(), c.kind, mid2025)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != c.want {
				t.Errorf("%s: %d organisations, want %d", c.kind, len(got), c.want)
			}
		}
	})
}

func TestNetworkHasEveryPartnerNamedInTheDeclaration(t *testing.T) {
	// Intentieverklaring, Bijlage 1, and the April 2018 news item: 29 partners
	// (seven party bestuurdersverenigingen, three for waterschappen).
	named := []string{"BZK", "JenV", "NVvR", "NGB", "WHV", "StatenlidNu", "VvG", "VGS", "KringCdK",
		"BV-CDA", "BV-VVD", "BV-PvdA", "BV-D66", "BV-SGP", "BV-ChristenUnie", "BV-GroenLinks",
		"IPO", "VNG", "UvW", "KVW", "VBDBW", "VWSB", "RIEC-LIEC", "SIPA", "CAOP", "CCV", "NLC", "Arq", "IVP"}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := org.New(db)
		members, err := svc.Members(context.Background(), time.Date(2018, 4, 5, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if len(members) < len(named) {
			t.Fatalf("%d partners on the day of signing, want at least %d", len(members), len(named))
		}
		byCode := map[string]org.Member{}
		for _, m := range members {
			byCode[m.Code] = m
			if len(m.Interest) < 40 || m.MembershipSource == "" {
				t.Errorf("%s: stated interest %q or source %q missing", m.Code, m.Interest, m.MembershipSource)
			}
		}
		for _, code := range named {
			if _, ok := byCode[code]; !ok {
				t.Errorf("partner %s missing", code)
			}
		}
		if k := byCode["BZK"].Kind; k != org.Rijk {
			t.Errorf("BZK is a partner of kind %q, want the ministry (rijk)", k)
		}
		if k := byCode["VNG"].Kind; k != org.Partner {
			t.Errorf("VNG kind %q, want partner", k)
		}
	})
}

func TestNoPartnersBeforeTheDeclarationWasSigned(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		members, err := org.New(db).Members(context.Background(), time.Date(2018, 4, 4, 23, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if len(members) != 0 {
			t.Fatalf("%d partners the day before signing, want 0", len(members))
		}
	})
}

func TestEveryGemeenteLiesInAnExistingProvincie(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := org.New(db)
		ctx := context.Background()
		gemeenten, err := svc.List(ctx, org.Gemeente, mid2025)
		if err != nil {
			t.Fatal(err)
		}
		perProvince := map[string]int{}
		for _, g := range gemeenten {
			p, err := svc.ByCode(ctx, g.ProvinceCode)
			if err != nil || p.Kind != org.Provincie {
				t.Fatalf("gemeente %s %s: provincie %q: %v (kind %q)", g.Code, g.Name, g.ProvinceCode, err, p.Kind)
			}
			perProvince[p.Name]++
		}
		if perProvince["Utrecht"] != 26 || perProvince["Flevoland"] != 6 {
			t.Fatalf("Utrecht has %d gemeenten (want 26), Flevoland %d (want 6)", perProvince["Utrecht"], perProvince["Flevoland"])
		}
	})
}

func TestNamesKeepTheirProvinceSuffixAndApostrophe(t *testing.T) {
	want := map[string]string{
		"GM0164": "Hengelo (O.)", "GM0373": "Bergen (NH.)", "GM0893": "Bergen (L.)", "GM0417": "Laren (NH.)",
		"GM0603": "Rijswijk (ZH.)", "GM0687": "Middelburg (Z.)", "GM0888": "Beek (L.)", "GM0971": "Stein (L.)",
		"GM0796": "'s-Hertogenbosch", "GM1900": "Súdwest-Fryslân", "PV21": "Fryslân",
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := org.New(db)
		for code, name := range want {
			o, err := svc.ByCode(context.Background(), code)
			if err != nil {
				t.Fatal(err)
			}
			if o.Name != name {
				t.Errorf("%s: name %q, want %q", code, o.Name, name)
			}
		}
	})
}

func TestUnknownIDOrCodeIsNotFound(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := org.New(db)
		if _, err := svc.ByCode(context.Background(), "GM9999"); !errors.Is(err, org.ErrNotFound) {
			t.Errorf("ByCode(GM9999): %v, want ErrNotFound", err)
		}
		if _, err := svc.Get(context.Background(), 999999); !errors.Is(err, org.ErrNotFound) {
			t.Errorf("Get(999999): %v, want ErrNotFound", err)
		}
	})
}

func TestListRefusesAnUnknownKind(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if _, err := org.New(db).List(context.Background(), "bedrijf", mid2025); err == nil {
			t.Fatal("List(bedrijf) gave no error")
		}
	})
}

func TestListWithoutKindGivesEveryOrganisation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		all, err := org.New(db).List(context.Background(), "", mid2025)
		if err != nil {
			t.Fatal(err)
		}
		// 342 + 12 + 21 + 15 ministries + 27 partners + 2 network bodies.
		if len(all) != 419 {
			t.Fatalf("%d organisations, want 419", len(all))
		}
	})
}

// A merger as a later migration would do it: the old municipalities end on
// the day the new one starts; history stays readable.
func TestMergedGemeenteLeavesTheListButKeepsItsHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc := org.New(db)
		for _, q := range []string{
			`UPDATE organisations SET valid_until = '2026-01-01' WHERE code IN ('GM0417', 'GM0373')`,
			`INSERT INTO organisations (code, name, kind, province_code, valid_from, source, search_key)
				VALUES ('GM9901', 'Fusiegemeente (test)', 'gemeente', 'PV27', '2026-01-01', 'test', 'fusiegemeente test gm9901')`,
		} {
			if _, err := db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		before := codesOf(t, svc, time.Date(2025, 12, 31, 23, 59, 0, 0, time.UTC))
		after := codesOf(t, svc, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		if !slices.Contains(before, "GM0417") || slices.Contains(before, "GM9901") || len(before) != 342 {
			t.Errorf("on 31 December: %d gemeenten, Laren listed %v, new one listed %v", len(before),
				slices.Contains(before, "GM0417"), slices.Contains(before, "GM9901"))
		}
		if slices.Contains(after, "GM0417") || slices.Contains(after, "GM0373") || !slices.Contains(after, "GM9901") || len(after) != 341 {
			t.Errorf("on 1 January: %d gemeenten, want 341 with the new one and without the merged ones", len(after))
		}
		old, err := svc.ByCode(ctx, "GM0417")
		if err != nil {
			t.Fatal(err)
		}
		if old.ValidUntil.Format(time.DateOnly) != "2026-01-01" || old.ValidAt(time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("Laren after the merger: valid until %v", old.ValidUntil)
		}
		if got, err := svc.Get(ctx, old.ID); err != nil || got.Name != "Laren (NH.)" {
			t.Errorf("Get(old id) = %q, %v: history must stay readable", got.Name, err)
		}
	})
}

func codesOf(t *testing.T, svc *org.Service, at time.Time) []string {
	t.Helper()
	list, err := svc.List(context.Background(), org.Gemeente, at)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, o := range list {
		out = append(out, o.Code)
	}
	return out
}
