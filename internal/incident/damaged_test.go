package incident

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"weerbaar/internal/store/storetest"
)

// Issue 16: an incident stored with occurred_at = '-0001-12-31 23:40:28+00:00'
// made every list of its organisation fail. Now the lists show the rest,
// count the damaged one, and reading it alone says it is damaged.
func TestOneDamagedIncidentNeverTakesTheListsDown(t *testing.T) {
	for _, stored := range []string{"-0001-12-31 23:40:28+00:00", "gisteren", "2024-13-45 99:99:99"} {
		t.Run(stored, func(t *testing.T) {
			db := storetest.SQLite(t)
			f := newFixture(t, db)
			ctx := context.Background()
			member := f.member(1, f.orgA)
			good := f.submit(t, member, f.report())
			bad := f.submit(t, member, f.report())
			if _, err := db.ExecContext(ctx, `UPDATE incidents SET occurred_at = '`+stored+`' WHERE id = $1`, bad.ID); err != nil {
				t.Fatal(err)
			}
			coord := f.coordinator(f.orgA)

			list, err := f.svc.ListForOrg(ctx, coord, f.orgA, Filter{})
			if err != nil {
				t.Fatalf("ListForOrg: %v", err)
			}
			if len(list.Items) != 1 || list.Items[0].ID != good.ID || list.Skipped != 1 || list.Total != 2 {
				t.Errorf("ListForOrg: items %v, skipped %d, total %d; want only %d, skipped 1, total 2",
					ids(list.Items), list.Skipped, list.Total, good.ID)
			}
			own, err := f.svc.OwnList(ctx, member)
			if err != nil || len(own.Items) != 1 || own.Skipped != 1 {
				t.Errorf("OwnList: %v, %+v", err, own)
			}
			if items, err := f.svc.ListOwn(ctx, member); err != nil || len(items) != 1 {
				t.Errorf("ListOwn: %v, %d items", err, len(items))
			}
			if work, err := f.svc.OpenWork(ctx, coord, f.orgA); err != nil || len(work) != 1 {
				t.Errorf("OpenWork: %v, %d items", err, len(work))
			}
			var buf bytes.Buffer
			exp, err := f.svc.ExportCSVCounted(ctx, coord, f.orgA, Filter{}, &buf)
			if err != nil || exp.Rows != 1 || exp.Skipped != 1 || strings.Count(buf.String(), "\n") != 2 {
				t.Errorf("export: %v, %+v:\n%s", err, exp, buf.String())
			}

			if _, err := f.svc.Get(ctx, coord, good.ID); err != nil {
				t.Errorf("Get of the good one: %v", err)
			}
			if _, err := f.svc.Get(ctx, coord, bad.ID); !errors.Is(err, ErrUnreadable) {
				t.Errorf("Get of the damaged one: %v, want ErrUnreadable", err)
			}
			// Damage tells an outsider nothing: still a refusal.
			if _, err := f.svc.Get(ctx, f.coordinator(f.orgB), bad.ID); !errors.Is(err, ErrForbidden) {
				t.Errorf("Get of the damaged one by another organisation: %v, want ErrForbidden", err)
			}
			if _, err := f.svc.AddFollowUp(ctx, coord, bad.ID, FollowUp{Kind: FollowTalk}); !errors.Is(err, ErrUnreadable) {
				t.Errorf("follow-up on the damaged one: %v, want ErrUnreadable", err)
			}
		})
	}
}

func ids(items []Summary) []int64 {
	var out []int64
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}
