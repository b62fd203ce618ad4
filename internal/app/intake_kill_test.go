package app_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"weerbaar/internal/app"
	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/config"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// The server is killed with SIGKILL in the middle of 64 clients
// reporting through POST /api/v1/meldingen: every report it had answered
// 201 is in the database afterwards, and the audit chain verifies. (A
// report the server stored but could not answer any more may be there
// too: its client got no 201 and retries with its Idempotency-Key.)
func TestIntakeKill9LosesNoAcknowledgedReport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		cfg := config.Config{Addr: "127.0.0.1:0", DB: db.DSN, Demo: true, ShutdownTimeout: 5 * time.Second, LogFormat: "text"}
		a, err := app.New(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		srv := startServerChild(t, db.DSN)
		waitReady(t, srv.url)
		benchAccount(t, a, auth.RoleCoordinator, "kill")
		member, _ := benchAccount(t, a, auth.RoleMember, "kill")
		post := reportOpID(t, a, srv.url, member)

		const killAfter = 300
		var mu sync.Mutex
		var acked []int64
		var wg sync.WaitGroup
		for range 64 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					id, err := post(0)
					if err != nil {
						return // the server is gone
					}
					mu.Lock()
					acked = append(acked, id)
					if len(acked) == killAfter {
						srv.cmd.Process.Kill() // SIGKILL: nothing runs in the server after this
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(acked) < killAfter {
			t.Fatalf("only %d reports answered before the server stopped", len(acked))
		}
		for _, id := range acked {
			var n int
			if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM incidents WHERE id = $1 AND status = 'nieuw'`, id).Scan(&n); err != nil || n != 1 {
				t.Fatalf("report %d was answered 201 but is not stored after kill -9 (%v)", id, err)
			}
		}
		var stored int
		db.QueryRowContext(ctx, `SELECT COUNT(*) FROM incidents`).Scan(&stored)
		if _, err := audit.New(db).Verify(ctx); err != nil {
			t.Fatalf("audit chain after kill -9: %v", err)
		}
		t.Logf("%d answered 201, %d stored", len(acked), stored)
	})
}
