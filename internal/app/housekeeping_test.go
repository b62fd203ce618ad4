package app

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/store/storetest"
)

// Old login failures and ended sessions do not pile up: housekeeping
// removes them.
func TestHousekeepingRemovesOldLoginFailures(t *testing.T) {
	db := storetest.SQLite(t)
	a := &App{DB: db, Log: slog.New(slog.DiscardHandler), Auth: auth.NewService(db, audit.New(db), auth.Options{})}
	ctx := context.Background()
	old := time.Now().UTC().Add(-24 * time.Hour)
	if _, err := db.ExecContext(ctx, `INSERT INTO login_failures (subject, at) VALUES ('x', $1)`, old); err != nil {
		t.Fatal(err)
	}
	a.tidy(ctx)
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM login_failures`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d old login failures left, want 0", n)
	}
}
