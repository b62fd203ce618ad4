package incident

import (
	"context"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// The start page's open work holds the organisation's open incidents only,
// writes no audit row, and is refused to another organisation's coördinator.
func TestOpenWorkListsOpenIncidentsWithoutAuditWrites(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		in := f.report()
		in.OrgID = f.orgA
		inc := f.submit(t, f.member(1, f.orgA), in)
		closed := f.report()
		closed.OrgID = f.orgA
		done := f.submit(t, f.member(1, f.orgA), closed)
		if _, err := f.svc.AddFollowUp(ctx, f.coordinator(f.orgA), done.ID, FollowUp{Kind: FollowClosed, DoneAt: f.clock.t}); err != nil {
			t.Fatal(err)
		}
		before := auditCount(t, db)
		open, err := f.svc.OpenWork(ctx, f.coordinator(f.orgA), f.orgA)
		if err != nil {
			t.Fatal(err)
		}
		if len(open) != 1 || open[0].ID != inc.ID {
			t.Fatalf("open work %+v, want incident %d", open, inc.ID)
		}
		if after := auditCount(t, db); after != before {
			t.Fatalf("open work wrote %d audit rows, want none", after-before)
		}
		if _, err := f.svc.OpenWork(ctx, f.coordinator(f.orgB), f.orgA); err == nil {
			t.Fatal("another organisation's coördinator got the open work")
		}
	})
}

func auditCount(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_log`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
