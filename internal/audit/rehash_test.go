package audit

import (
	"context"
	"errors"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// An attacker who edits a row and recomputes its hash (the hash has no
// secret) still breaks the link to the next row.
func TestRehashedRowBreaksTheNextLink(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		l := New(db)
		for range 5 {
			if err := l.WriteNow(ctx, Event{Action: "incident.read", Detail: "gelezen"}); err != nil {
				t.Fatal(err)
			}
		}
		drop := []string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`}
		if db.Dialect == store.Postgres {
			drop = []string{`DROP TRIGGER audit_log_no_update ON audit_log`}
		}
		for _, q := range drop {
			if _, err := db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		var r row
		if err := db.QueryRowContext(ctx, `SELECT seq, at, prev_hash FROM audit_log WHERE seq = 3`).Scan(&r.seq, &r.at, &r.prevHash); err != nil {
			t.Fatal(err)
		}
		forged := Event{Action: "incident.read", Detail: "niets"}
		hash := chainHash(r.prevHash, r.seq, r.at.UTC(), forged)
		if _, err := db.ExecContext(ctx, `UPDATE audit_log SET detail = $1, hash = $2 WHERE seq = 3`, forged.Detail, hash); err != nil {
			t.Fatal(err)
		}
		rep, err := l.Verify(ctx)
		if !errors.Is(err, ErrBroken) || rep.Broken.Seq != 4 || rep.Broken.Problem != PrevHashMismatch {
			t.Fatalf("report %+v (broken %+v), err %v; want seq 4 prev-hash-mismatch", rep, rep.Broken, err)
		}
	})
}
