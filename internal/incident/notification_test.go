package incident

import (
	"context"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// addAccount inserts an account row (migration 0005) and returns its
// principal; the password hash is irrelevant here.
func addAccount(t *testing.T, db *store.DB, role auth.Role, org int64, label string, disabled bool) *auth.Principal {
	t.Helper()
	var id int64
	now := time.Now().UTC()
	email := label + "@example.nl"
	err := db.QueryRowContext(context.Background(), `INSERT INTO accounts (email, email_key, name, role,
		org_id, password_hash, password_changed_at, disabled, created_at)
		VALUES ($1, $1, $2, $3, $4, 'x', $5, $6, $5) RETURNING id`,
		email, label, string(role), org, now, disabled).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return &auth.Principal{AccountID: id, OrgID: org, Role: role}
}

func TestCoordinatorsAreNotifiedOfNewAndReopenedIncidents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		coordA := addAccount(t, db, auth.RoleCoordinator, f.orgA, "coordinator-a", false)
		addAccount(t, db, auth.RoleCoordinator, f.orgA, "coordinator-a-disabled", true)
		coordB := addAccount(t, db, auth.RoleCoordinator, f.orgB, "coordinator-b", false)
		reporter := f.member(5000, f.orgA) // no account row: ids stay apart

		inc := f.submit(t, reporter, f.report())
		notes, _ := f.svc.Notifications(ctx, coordA)
		if len(notes) != 1 || notes[0].TextKey != NoticeNew || notes[0].IncidentID != inc.ID {
			t.Errorf("coördinator A: %+v, want one %s", notes, NoticeNew)
		}
		if other, _ := f.svc.Notifications(ctx, coordB); len(other) != 0 {
			t.Errorf("another organisation's coördinator was told: %+v", other)
		}
		if len(f.notes) != 1 || f.notes[0].AccountID != coordA.AccountID {
			t.Errorf("Notify hook (e-mail) got %+v, want only the active coördinator", f.notes)
		}

		f.svc.AddFollowUp(ctx, coordA, inc.ID, FollowUp{Kind: FollowClosed})
		if err := f.svc.AnswerSatisfaction(ctx, reporter, inc.ID, false, "Geen reactie gekregen."); err != nil {
			t.Fatal(err)
		}
		notes, _ = f.svc.Notifications(ctx, coordA)
		if len(notes) != 2 || notes[0].TextKey != NoticeReopenedReporter {
			t.Errorf("after the reporter reopened: %+v", notes)
		}
	})
}

func TestUnknownOrganisationIsAFieldProblem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		in := f.report()
		in.OrgID = 99999999
		_, err := f.svc.Submit(context.Background(), f.member(1, f.orgA), in, "")
		if codes := fieldCodes(t, err); codes["orgId"] != "unknown" {
			t.Errorf("codes %v", codes)
		}
	})
}
