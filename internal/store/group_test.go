package store_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// groupTables makes a parent and a child table whose reference is checked
// only at COMMIT, so a test can make a commit (not a statement) fail.
func groupTables(t *testing.T, db *store.DB) {
	t.Helper()
	for _, stmt := range []string{
		`CREATE TABLE gp (id BIGINT PRIMARY KEY)`,
		`CREATE TABLE gc (id BIGINT PRIMARY KEY, parent BIGINT REFERENCES gp (id) DEFERRABLE INITIALLY DEFERRED)`,
		`INSERT INTO gp (id) VALUES (1)`,
	} {
		if _, err := db.ExecContext(context.Background(), stmt); err != nil {
			t.Fatal(err)
		}
	}
}

func insertChild(id, parent int64) func(ctx context.Context, q store.Querier) error {
	return func(ctx context.Context, q store.Querier) error {
		_, err := q.ExecContext(ctx, `INSERT INTO gc (id, parent) VALUES ($1, $2)`, id, parent)
		return err
	}
}

func children(t *testing.T, db *store.DB) map[int64]bool {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), `SELECT id FROM gc`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		got[id] = true
	}
	return got
}

// One call of a batch that fails in its statement is rolled back to its
// savepoint: the others commit, it alone gets its error.
func TestGroupBatchFailingCallFailsAlone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		groupTables(t, db)
		mine := errors.New("bad report")
		errs := store.RunBatch(db, insertChild(1, 1),
			func(ctx context.Context, q store.Querier) error {
				if err := insertChild(2, 1)(ctx, q); err != nil {
					return err
				}
				return mine // wrote, then failed: its row must go
			},
			insertChild(1, 1), // duplicate key: the statement fails
			insertChild(3, 1))
		if errs[0] != nil || errs[3] != nil {
			t.Fatalf("good calls failed: %v", errs)
		}
		if !errors.Is(errs[1], mine) || errs[2] == nil {
			t.Fatalf("bad calls: %v, %v; want their own errors", errs[1], errs[2])
		}
		if got := children(t, db); len(got) != 2 || !got[1] || !got[3] {
			t.Fatalf("stored %v, want 1 and 3", got)
		}
	})
}

// A batch whose COMMIT fails (a deferred reference to nothing) is run
// again call by call: only the call that cannot commit fails.
func TestGroupFailedCommitRetriedPerCall(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		groupTables(t, db)
		runs := 0
		errs := store.RunBatch(db, insertChild(1, 1), insertChild(2, 99),
			func(ctx context.Context, q store.Querier) error { runs++; return insertChild(3, 1)(ctx, q) })
		if errs[0] != nil || errs[2] != nil || errs[1] == nil {
			t.Fatalf("answers %v; want only the second to fail", errs)
		}
		if runs != 2 {
			t.Fatalf("third call ran %d times, want 2 (batch, then alone)", runs)
		}
		if got := children(t, db); len(got) != 2 || !got[1] || !got[3] {
			t.Fatalf("stored %v, want 1 and 3", got)
		}
	})
}

// Many concurrent callers: every call answered nil is stored, once, and
// it is still there after the database is closed and opened again.
func TestGroupConcurrentCallsSurviveReopen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		groupTables(t, db)
		var wg sync.WaitGroup
		errs := make([]error, 200)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = db.Group(context.Background(), insertChild(int64(i+1), 1))
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
		}
		dsn := db.DSN
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if err := db.Group(context.Background(), insertChild(999, 1)); !errors.Is(err, store.ErrClosed) {
			t.Fatalf("Group after Close: %v, want ErrClosed", err)
		}
		again, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer again.Close()
		if got := children(t, again); len(got) != len(errs) {
			t.Fatalf("after reopening %d rows, want %d", len(got), len(errs))
		}
	})
}

// A process killed with SIGKILL in the middle of 64 concurrent writers
// loses no write it had acknowledged: the child prints each id after
// Group returned; every printed id must be in the database afterwards.
func TestGroupKill9LosesNothingAcknowledged(t *testing.T) {
	if os.Getenv("WEERBAAR_GROUP_CHILD") != "" {
		groupChild()
		return
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		groupTables(t, db)
		cmd := exec.Command(os.Args[0], "-test.run", "^TestGroupKill9LosesNothingAcknowledged$")
		cmd.Env = append(os.Environ(), "WEERBAAR_GROUP_CHILD="+db.DSN)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acked := map[int64]bool{}
		sc := bufio.NewScanner(out)
		timer := time.AfterFunc(20*time.Second, func() { cmd.Process.Kill() })
		defer timer.Stop()
		for sc.Scan() {
			id, err := strconv.ParseInt(sc.Text(), 10, 64)
			if err != nil {
				continue // the test framework's own lines
			}
			acked[id] = true
			if len(acked) == 500 {
				cmd.Process.Kill() // SIGKILL: no deferred code, no close
			}
		}
		cmd.Wait()
		if len(acked) < 500 {
			t.Fatalf("child acknowledged only %d writes", len(acked))
		}
		got := children(t, db)
		for id := range acked {
			if !got[id] {
				t.Fatalf("acknowledged id %d lost after kill -9 (%d acknowledged, %d stored)", id, len(acked), len(got))
			}
		}
		t.Logf("%d acknowledged, %d stored", len(acked), len(got))
	})
}

// groupChild writes from 64 goroutines until it is killed.
func groupChild() {
	db, err := store.Open(context.Background(), os.Getenv("WEERBAAR_GROUP_CHILD"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int64(1); i < 100000; i++ {
				id := int64(w+1)*1_000_000 + i
				if err := db.Group(context.Background(), insertChild(id, 1)); err != nil {
					fmt.Fprintln(os.Stderr, err)
					return
				}
				mu.Lock()
				fmt.Fprintln(os.Stdout, id)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

// Collect gives flush, once per batch, the items of the calls that
// succeeded, in their order; outside a batch it flushes at once.
func TestGroupCollectFlushesOncePerBatch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		groupTables(t, db)
		var flushes [][]any
		flush := func(ctx context.Context, q store.Querier, items []any) error {
			flushes = append(flushes, items)
			for _, it := range items {
				if err := insertChild(it.(int64), 1)(ctx, q); err != nil {
					return err
				}
			}
			return nil
		}
		call := func(id int64, fail bool) func(ctx context.Context, q store.Querier) error {
			return func(ctx context.Context, q store.Querier) error {
				if err := store.Collect(ctx, q, "k", id, flush); err != nil {
					return err
				}
				if fail {
					return errors.New("fails after collecting")
				}
				return nil
			}
		}
		errs := store.RunBatch(db, call(10, false), call(20, true), call(30, false))
		if errs[0] != nil || errs[1] == nil || errs[2] != nil {
			t.Fatalf("answers %v", errs)
		}
		if len(flushes) != 1 || fmt.Sprint(flushes[0]) != "[10 30]" {
			t.Fatalf("flushes %v, want one of [10 30]", flushes)
		}
		if got := children(t, db); len(got) != 2 || !got[10] || !got[30] {
			t.Fatalf("stored %v", got)
		}
		tx, err := db.BeginTx(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if err := store.Collect(context.Background(), tx, "k", int64(40), flush); err != nil || len(flushes) != 2 {
			t.Fatalf("outside a batch: %v, %d flushes", err, len(flushes))
		}
	})
}
