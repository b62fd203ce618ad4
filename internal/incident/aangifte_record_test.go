package incident

import (
	"context"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestAangifteRecordRefusesHomeAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		base := Aangifte{Type: ReportAangifte, FiledBy: FiledByVictim, VPTAsked: true, VPTApplied: Yes,
			Address: AddressHome, UnderNumber: true, FiledOn: f.clock.t, PoliceUnit: "Basisteam (demo)",
			PVNumber: "PL0900-2026000123", PVPlace: "Bureau (demo)"}
		_, err := f.svc.RecordAangifte(ctx, reporter, inc.ID, base)
		if codes := fieldCodes(t, err); codes["address"] != "home_address_refused" {
			t.Errorf("home address: %v", codes)
		}
		bad := base
		bad.Address, bad.Type, bad.FiledOn = AddressDomicile, "", f.clock.t.Add(72*time.Hour)
		_, err = f.svc.RecordAangifte(ctx, reporter, inc.ID, bad)
		codes := fieldCodes(t, err)
		if codes["type"] != "required" || codes["filedOn"] != "future" {
			t.Errorf("missing type, future date: %v", codes)
		}

		base.Address, base.Domicile = AddressDomicile, "Advocatenkantoor (demo)\nPostbus 200\n2000 BB Voorbeeld"
		if _, err := f.svc.RecordAangifte(ctx, reporter, inc.ID, base); err != nil {
			t.Fatal(err)
		}
		corr := base
		corr.FiledBy, corr.Address, corr.VPTApplied = FiledByEmployer, AddressOrganisation, No
		if _, err := f.svc.RecordAangifte(ctx, f.coordinator(f.orgA), inc.ID, corr); err != nil {
			t.Fatal(err)
		}
		got, err := f.svc.Get(ctx, reporter, inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Aangiftes) != 2 {
			t.Fatalf("aangiftes %+v", got.Aangiftes)
		}
		first, newest := got.Aangiftes[0], got.Aangiftes[1]
		if first.PVNumber != "PL0900-2026000123" || first.PVPlace != "Bureau (demo)" || !first.UnderNumber || !first.VPTAsked {
			t.Errorf("first record %+v", first)
		}
		y, m, d := f.clock.t.Date()
		if fy, fm, fd := first.FiledOn.Date(); fy != y || fm != m || fd != d {
			t.Errorf("filed on %v, want %d-%d-%d", first.FiledOn, y, m, d)
		}
		if newest.FiledBy != FiledByEmployer || newest.Address != AddressOrganisation || newest.VPTApplied != No {
			t.Errorf("newest record %+v", newest)
		}
		if got.Deadlines.Aangifte.Done.IsZero() {
			t.Error("the aangifte reminder is met")
		}
	})
}

func TestChainStepNotifiesReporter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		reporter := f.member(1, f.orgA)
		coord := f.coordinator(f.orgA)
		inc := f.submit(t, reporter, f.report())
		steps := []ChainStep{
			{Step: ChainAangifte, On: f.clock.t},
			{Step: ChainDecision, Outcome: "dagvaarding", On: f.clock.t},
			{Step: ChainHearing, On: f.clock.t.AddDate(0, 2, 0), Note: "Politierechter (demo)"},
		}
		for _, st := range steps {
			if _, err := f.svc.AddChainStep(ctx, coord, inc.ID, st); err != nil {
				t.Fatalf("%s: %v", st.Step, err)
			}
		}
		_, err := f.svc.AddChainStep(ctx, coord, inc.ID, ChainStep{Step: ChainVerdict, On: f.clock.t.AddDate(0, 1, 0)})
		if codes := fieldCodes(t, err); codes["on"] != "future" {
			t.Errorf("a verdict in the future: %v", codes)
		}
		_, err = f.svc.AddChainStep(ctx, reporter, inc.ID, ChainStep{Step: ChainVerdict, On: f.clock.t})
		wantForbidden(t, err)

		got, _ := f.svc.Get(ctx, reporter, inc.ID)
		if got.Deadlines.Aangifte.Done.IsZero() {
			t.Error("the chain's aangifte step meets the aangifte reminder")
		}
		if len(got.Chain) != 3 || got.Chain[1].Outcome != "dagvaarding" || got.Chain[2].Note != "Politierechter (demo)" {
			t.Errorf("chain %+v", got.Chain)
		}
		notes, err := f.svc.Notifications(ctx, reporter)
		if err != nil || len(notes) != 3 {
			t.Fatalf("notifications %+v %v, want 3", notes, err)
		}
		if notes[0].TextKey != NoticeChainPrefix+string(ChainHearing) || notes[0].IncidentID != inc.ID {
			t.Errorf("newest notification %+v", notes[0])
		}
		if len(f.notes) != 3 || f.notes[2].AccountID != reporter.AccountID {
			t.Errorf("Notify hook got %+v", f.notes)
		}
		if err := f.svc.MarkNotificationRead(ctx, f.member(2, f.orgA), notes[0].ID); err == nil {
			t.Error("someone else's notification cannot be marked read")
		}
		if err := f.svc.MarkNotificationRead(ctx, reporter, notes[0].ID); err != nil {
			t.Fatal(err)
		}
		after, _ := f.svc.Notifications(ctx, reporter)
		if after[len(after)-1].ReadAt.IsZero() || !after[0].ReadAt.IsZero() {
			t.Errorf("read one goes last: %+v", after)
		}
	})
}
