package audit_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// writeEvents appends n events and returns the log.
func writeEvents(t *testing.T, db *store.DB, n int) *audit.Log {
	t.Helper()
	l := audit.New(db)
	for i := 1; i <= n; i++ {
		e := audit.Event{Actor: int64(i % 5), OrgID: 7, Action: "incident.read", Object: "incident",
			ObjectID: fmt.Sprint(i), Detail: fmt.Sprintf("event %d", i)}
		if err := l.WriteNow(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	return l
}

// dropAppendOnly removes the triggers, as an attacker with database access would.
func dropAppendOnly(t *testing.T, db *store.DB) {
	t.Helper()
	stmts := []string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`}
	if db.Dialect == store.Postgres {
		stmts = []string{`DROP TRIGGER audit_log_no_update ON audit_log`}
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
}

func exec(t *testing.T, db *store.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.ExecContext(context.Background(), query, args...); err != nil {
		t.Fatal(err)
	}
}

func TestIntactChainOfManyEventsVerifies(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		l := writeEvents(t, db, 300)
		rep, err := l.Verify(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rows != 300 || rep.HeadSeq != 300 || rep.Broken != nil || len(rep.HeadHash) != 64 {
			t.Fatalf("report %+v, want 300 intact rows", rep)
		}
	})
}

func TestEmptyLogVerifies(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		rep, err := audit.New(db).Verify(context.Background())
		if err != nil || rep.Rows != 0 {
			t.Fatalf("report %+v, err %v", rep, err)
		}
	})
}

func TestVerifyReportsFirstBrokenLink(t *testing.T) {
	tests := []struct {
		name    string
		tamper  []string
		seq     int64
		problem audit.Problem
	}{
		{"altered detail", []string{`UPDATE audit_log SET detail = 'niets gezien' WHERE seq = 37`}, 37, audit.HashMismatch},
		{"altered actor", []string{`UPDATE audit_log SET actor_id = 99 WHERE seq = 1`}, 1, audit.HashMismatch},
		{"altered time", []string{`UPDATE audit_log SET at = (SELECT at FROM audit_log WHERE seq = 3) WHERE seq = 20`}, 20, audit.HashMismatch},
		{"row pointed at another predecessor", []string{`UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 10) WHERE seq = 37`}, 37, audit.PrevHashMismatch},
		{"two rows altered: the first counts", []string{`UPDATE audit_log SET detail = 'x' WHERE seq IN (12, 40)`}, 12, audit.HashMismatch},
		{"middle row deleted", []string{`DELETE FROM audit_log WHERE seq = 25`}, 25, audit.MissingRow},
		{"first rows deleted", []string{`DELETE FROM audit_log WHERE seq <= 3`}, 1, audit.MissingRow},
		{"newest rows deleted", []string{`DELETE FROM audit_log WHERE seq >= 48`}, 48, audit.HeadMismatch},
		{"newest rows deleted and head moved back", []string{`DELETE FROM audit_log WHERE seq >= 48`,
			`UPDATE audit_head SET seq = 47`}, 47, audit.HeadMismatch},
		{"head rewound to hide the newest rows", []string{`UPDATE audit_head SET seq = 45, hash = (SELECT hash FROM audit_log WHERE seq = 45)`}, 46, audit.HeadMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				l := writeEvents(t, db, 50)
				dropAppendOnly(t, db)
				for _, q := range tt.tamper {
					exec(t, db, q)
				}
				rep, err := l.Verify(context.Background())
				if !errors.Is(err, audit.ErrBroken) {
					t.Fatalf("err = %v, want ErrBroken", err)
				}
				if rep.Broken == nil || rep.Broken.Seq != tt.seq || rep.Broken.Problem != tt.problem {
					t.Fatalf("broken %+v, want seq %d %s", rep.Broken, tt.seq, tt.problem)
				}
			})
		})
	}
}

func TestAuditLogRefusesUpdateAndDelete(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		l := writeEvents(t, db, 5)
		ctx := context.Background()
		refused := []string{
			`UPDATE audit_log SET detail = 'x' WHERE seq = 2`,
			`DELETE FROM audit_log WHERE seq = 5`,
			`DELETE FROM audit_log`,
		}
		if db.Dialect == store.Postgres {
			refused = append(refused, `TRUNCATE audit_log`)
		}
		for _, q := range refused {
			if _, err := db.ExecContext(ctx, q); err == nil {
				t.Errorf("%s: accepted, want refused", q)
			}
		}
		if rep, err := l.Verify(ctx); err != nil || rep.Rows != 5 {
			t.Fatalf("after refused changes: %+v, %v", rep, err)
		}
	})
}

func TestConcurrentWritersNeverForkTheChain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		l := audit.New(db)
		ctx := context.Background()
		var wg sync.WaitGroup
		errs := make(chan error, 8*50)
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 50 {
					errs <- l.WriteNow(ctx, audit.Event{Actor: int64(g + 1), Action: "login", Detail: fmt.Sprint(i)})
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		rep, err := l.Verify(ctx)
		if err != nil || rep.Rows != 400 {
			t.Fatalf("report %+v, err %v; want 400 intact rows", rep, err)
		}
	})
}

func TestRolledBackWriteLeavesNoTrace(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		l := writeEvents(t, db, 3)
		ctx := context.Background()
		boom := errors.New("boom")
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if err := l.Write(ctx, tx, audit.Event{Action: "role.change"}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		writeEvents(t, db, 1)
		if rep, err := l.Verify(ctx); err != nil || rep.Rows != 4 {
			t.Fatalf("report %+v, err %v; want 4 intact rows", rep, err)
		}
	})
}
