package incident

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestListForOrgFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		coord := f.coordinator(f.orgA)

		threat := f.report() // wethouder, bedreiging + verbaal, yesterday-ish
		online := f.report()
		online.VictimRole, online.Kinds = RoleRaadslid, []Kind{KindOnlineHate}
		online.Place = Place{Kind: PlaceOnline, Platform: "X", Link: "https://x.example.org/1"}
		online.OccurredAt = f.clock.t.AddDate(0, -2, 0)
		reported := f.report()
		reported.VictimRole, reported.Kinds = RoleBurgemeester, []Kind{KindPhysical}
		reported.ReportedToPolice = true
		a := f.submit(t, f.member(1, f.orgA), threat)
		b := f.submit(t, f.member(2, f.orgA), online)
		c := f.submit(t, f.member(3, f.orgA), reported)
		f.submit(t, f.member(4, f.orgB), f.report()) // other organisation: never listed
		f.svc.SaveDraft(ctx, f.member(5, f.orgA), &Incident{Description: "concept"})
		f.svc.AddFollowUp(ctx, coord, a.ID, FollowUp{Kind: FollowTalk})

		tests := []struct {
			name string
			f    Filter
			want []int64
		}{
			{"all, newest first, no drafts", Filter{}, []int64{c.ID, b.ID, a.ID}},
			{"kind", Filter{Kind: KindThreat}, []int64{a.ID}},
			{"role", Filter{VictimRole: RoleRaadslid}, []int64{b.ID}},
			{"status", Filter{Status: StatusInProgress}, []int64{a.ID}},
			{"aangifte yes", Filter{Aangifte: Yes}, []int64{c.ID}},
			{"aangifte no", Filter{Aangifte: No}, []int64{b.ID, a.ID}},
			{"period", Filter{From: f.clock.t.AddDate(0, -3, 0), To: f.clock.t.AddDate(0, -1, 0)}, []int64{b.ID}},
			{"page 2 is empty", Filter{Page: 2}, nil},
		}
		for _, tt := range tests {
			l, err := f.svc.ListForOrg(ctx, coord, f.orgA, tt.f)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			var got []int64
			for _, s := range l.Items {
				got = append(got, s.ID)
			}
			if !equalIDs(got, tt.want) {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			}
		}
		l, _ := f.svc.ListForOrg(ctx, coord, f.orgA, Filter{Kind: KindOnlineHate})
		if s := l.Items[0]; s.Platform != "X" || s.PlaceKind != PlaceOnline || s.Kinds[0] != KindOnlineHate || l.Total != 1 {
			t.Errorf("summary %+v", s)
		}
	})
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestExportCSVHoldsNoSensitiveText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		in := f.report()
		in.Place = Place{Kind: PlaceOnline, Platform: "=HYPERLINK(\"x\")", Link: "https://x.example.org/2"}
		inc := f.submit(t, f.member(1, f.orgA), in)
		f.submit(t, f.member(2, f.orgB), f.report())
		var buf bytes.Buffer
		if err := f.svc.ExportCSV(ctx, f.coordinator(f.orgA), f.orgA, Filter{}, &buf); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, secret := range []string{in.Description, in.Place.Link, in.Perpetrator.Description, in.Witnesses} {
			if strings.Contains(out, secret) {
				t.Errorf("export contains %q", secret)
			}
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || len(rows[1]) != len(exportHeader) {
			t.Fatalf("rows %v, want header and one incident of this organisation", rows)
		}
		row := rows[1]
		if row[0] != itoa(inc.ID) || row[4] != "verbale_agressie;bedreiging" || row[5] != "verbaal;intimidatie" {
			t.Errorf("row %v", row)
		}
		if !strings.HasPrefix(row[7], "'=") {
			t.Errorf("platform %q is not neutralised against spreadsheet formulas", row[7])
		}
		f.clock.advance(72 * time.Hour)
		buf.Reset()
		f.svc.ExportCSV(ctx, f.coordinator(f.orgA), f.orgA, Filter{Overdue: true}, &buf)
		if rows, _ := csv.NewReader(&buf).ReadAll(); len(rows) != 2 || rows[1][len(exportHeader)-1] != "ja" {
			t.Errorf("overdue export %v", rows)
		}
	})
}

func TestKindsLoadInBatchesForLargeExports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		var want []int64
		for i := 0; i < 3; i++ {
			want = append(want, f.submit(t, f.member(1, f.orgA), f.report()).ID)
		}
		ids := make([]int64, 0, 3*kindsBatch)
		for i := int64(1); i <= 3*kindsBatch; i++ {
			ids = append(ids, i+want[0]-kindsBatch-1) // the three real ids sit in the second batch
		}
		got, err := loadKinds(context.Background(), db, ids)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range want {
			if len(got[id]) != 2 {
				t.Errorf("incident %d: kinds %v", id, got[id])
			}
		}
	})
}
