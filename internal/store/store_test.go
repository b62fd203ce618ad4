package store_test

import (
	"context"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

func TestMigrationsApplyOnceOnBothDatabases(t *testing.T) {
	storetest.EachUnmigrated(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ms, err := store.Migrations()
		if err != nil {
			t.Fatal(err)
		}
		n, err := db.Migrate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(ms) {
			t.Fatalf("applied %d migrations, want %d", n, len(ms))
		}
		again, err := db.Migrate(ctx)
		if err != nil || again != 0 {
			t.Fatalf("second migrate applied %d (err %v), want 0", again, err)
		}
		v, _ := db.SchemaVersion(ctx)
		if v != ms[len(ms)-1].Version {
			t.Fatalf("schema version %d, want %d", v, ms[len(ms)-1].Version)
		}
	})
}

// Placeholders are $1, $2 on both databases, also when used out of order.
func TestNumberedPlaceholdersBindByNumber(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var a, b string
		if err := db.QueryRowContext(ctx, `SELECT CAST($2 AS TEXT), CAST($1 AS TEXT)`, "een", "twee").Scan(&a, &b); err != nil {
			t.Fatal(err)
		}
		if a != "twee" || b != "een" {
			t.Fatalf("got %q %q, want twee een", a, b)
		}
	})
}

func TestTimesRoundTripInUTC(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.ExecContext(ctx, `CREATE TABLE tt (at {{time}})`); err == nil {
			t.Fatal("dialect words must only be replaced in migrations")
		}
		typ := "TIMESTAMP"
		if db.Dialect == store.Postgres {
			typ = "TIMESTAMPTZ"
		}
		if _, err := db.ExecContext(ctx, `CREATE TABLE tt (at `+typ+`)`); err != nil {
			t.Fatal(err)
		}
		want := time.Date(2026, 3, 1, 12, 30, 15, 123456000, time.UTC)
		if _, err := db.ExecContext(ctx, `INSERT INTO tt (at) VALUES ($1)`, want); err != nil {
			t.Fatal(err)
		}
		var got time.Time
		if err := db.QueryRowContext(ctx, `SELECT at FROM tt`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if !got.Equal(want) {
			t.Fatalf("got %v, want %v", got, want)
		}
	})
}

// A migration numbered below one that already ran is still applied.
func TestMigrationWithLowerNumberAppliedLater(t *testing.T) {
	storetest.EachUnmigrated(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ms, err := store.Migrations()
		if err != nil || len(ms) < 3 {
			t.Fatalf("migrations: %v (%d)", err, len(ms))
		}
		if _, err := db.MigrateTo(ctx, ms[0].Version); err != nil {
			t.Fatal(err)
		}
		// Pretend the third ran before the second existed.
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, 'later', 'x')`, ms[2].Version+100000); err != nil {
			t.Fatal(err)
		}
		n, err := db.Migrate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(ms)-1 {
			t.Fatalf("applied %d, want %d", n, len(ms)-1)
		}
	})
}
