package incident

import (
	"context"
	"sync"
	"testing"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/vault"
)

// Reports submitted at the same moment share group-commit batches: each
// is answered on its own, the one that cannot be stored (an organisation
// that does not exist) fails alone, every other one is stored whole, and
// the audit chain that all of them extended still verifies.
func TestConcurrentSubmitsFailAloneAndKeepTheChain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		log := audit.New(db)
		svc := New(db, vault.New(db, testKeyring(t)), log, Options{Now: f.clock.now}) // no Notify: runs concurrently
		const n, bad = 40, 7
		errs := make([]error, n)
		ids := make([]int64, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p := f.member(int64(i+1), f.orgA)
				if i == bad {
					p = &auth.Principal{AccountID: int64(i + 1), OrgID: 999999, Role: auth.RoleMember}
				}
				got, err := svc.Submit(context.Background(), p, f.report(), "")
				errs[i] = err
				if err == nil {
					ids[i] = got.ID
				}
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if i == bad {
				if codes := fieldCodes(t, err); codes["orgId"] != "unknown" {
					t.Errorf("bad report: %v, want orgId unknown", err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("report %d: %v", i, err)
			}
			got, err := svc.Get(context.Background(), f.member(int64(i+1), f.orgA), ids[i])
			if err != nil || got.Status != StatusNew || len(got.History) != 1 || got.Description != f.report().Description {
				t.Fatalf("report %d read back: %v %+v", i, err, got)
			}
		}
		var stored int
		if err := db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM incidents`).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if stored != n-1 {
			t.Fatalf("%d incidents stored, want %d", stored, n-1)
		}
		if _, err := log.Verify(context.Background()); err != nil {
			t.Fatalf("audit chain after concurrent submits: %v", err)
		}
	})
}

// A report Submit answered is on disk: after the database is closed and
// opened again, it reads back whole.
func TestAcknowledgedReportSurvivesReopening(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		keys := testKeyring(t)
		svc := New(db, vault.New(db, keys), audit.New(db), Options{Now: f.clock.now})
		p := f.member(1, f.orgA)
		inc, err := svc.Submit(context.Background(), p, f.report(), "herstart-1")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		again, err := store.Open(context.Background(), db.DSN)
		if err != nil {
			t.Fatal(err)
		}
		defer again.Close()
		svc2 := New(again, vault.New(again, keys), audit.New(again), Options{Now: f.clock.now})
		got, err := svc2.Get(context.Background(), p, inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != StatusNew || got.Description != inc.Description || got.Impact.Personal != inc.Impact.Personal {
			t.Fatalf("after reopening: %+v", got)
		}
	})
}

func testKeyring(t *testing.T) *vault.Keyring {
	line, err := vault.GenerateKeyLine(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	keys, err := vault.ParseKeyring(line, false)
	if err != nil {
		t.Fatal(err)
	}
	return keys
}
