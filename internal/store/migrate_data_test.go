package store_test

// Every migration must keep the data already in the database.
//
// HOW TO ADD THE FIXTURE FOR YOUR MIGRATION (the test fails without one):
//
//  1. Create testdata/fixtures/NNNN.sql, NNNN being your migration's number.
//  2. Put in it rows for the tables as they are right after your migration:
//     plain INSERT (or UPDATE) statements with literal values, one statement
//     per line-ending semicolon. {{bytes}} and friends and the
//     "-- dialect: sqlite|postgres|all" sections work as in migrations
//     (binary literals differ: X'00ff' on SQLite, '\x00ff' on PostgreSQL).
//     Give rows you insert fixed ids from 900001 up, so they never collide
//     with ids a sequence hands out, and refer to earlier fixtures' rows by
//     those ids, and to reference data by code
//     ((SELECT id FROM organisations WHERE code = 'GM0344')).
//  3. Add at least one line
//     -- keep: SELECT <columns> FROM <table> WHERE <your rows> ORDER BY <key>
//     a query that returns your rows and whose result must stay exactly the
//     same after every later migration.
//
// The test starts from an empty database on SQLite and on PostgreSQL and
// applies one migration at a time. After each migration it checks that no
// table lost rows, every row of every table can still be read and every
// earlier keep query gives the same result; then it loads that version's
// fixture. If your migration changes a column on purpose, change the keep
// query of the older fixture in the same commit and say why.

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

const fixtureDir = "testdata/fixtures"

// keepQuery is a fixture's promise: this result never changes.
type keepQuery struct {
	version int
	query   string
	want    string
}

func TestEveryMigrationKeepsTheDataAlreadyThere(t *testing.T) {
	ms, err := store.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	checkNoOrphanFixtures(t, ms)
	storetest.EachUnmigrated(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var keeps []keepQuery
		for _, m := range ms {
			before := rowCounts(t, db)
			if _, err := db.MigrateTo(ctx, m.Version); err != nil {
				t.Fatalf("migration %04d_%s on a database holding data: %v", m.Version, m.Name, err)
			}
			checkNothingLost(t, db, m, before, keeps)
			keeps = append(keeps, loadFixture(t, db, m)...)
			// A later fixture may add rows an earlier keep query returns
			// too (0013's aangifte and protocol rows); what a migration
			// must not change is the result as it stands before it runs.
			for i := range keeps {
				keeps[i].want = render(t, db, keeps[i].query)
			}
		}
	})
}

// checkNothingLost compares the database after migration m with before.
func checkNothingLost(t *testing.T, db *store.DB, m store.Migration, before map[string]int, keeps []keepQuery) {
	t.Helper()
	after := rowCounts(t, db)
	for table, n := range before {
		got, ok := after[table]
		switch {
		case !ok:
			t.Errorf("migration %04d_%s dropped table %s holding %d rows", m.Version, m.Name, table, n)
		case got < n:
			t.Errorf("migration %04d_%s: table %s went from %d to %d rows", m.Version, m.Name, table, n, got)
		}
	}
	for table := range after {
		readAllRows(t, db, table, m)
	}
	for _, k := range keeps {
		if got := render(t, db, k.query); got != k.want {
			t.Errorf("migration %04d_%s changed fixture %04d's rows\nquery: %s\nbefore:\n%s\nafter:\n%s",
				m.Version, m.Name, k.version, k.query, k.want, got)
		}
	}
}

// loadFixture applies fixtures/NNNN.sql for m and returns its keep queries
// with their results now.
func loadFixture(t *testing.T, db *store.DB, m store.Migration) []keepQuery {
	t.Helper()
	path := filepath.Join(fixtureDir, fmt.Sprintf("%04d.sql", m.Version))
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Fatalf("migration %04d_%s has no fixture: add internal/store/%s with rows for its tables and a -- keep: query (see the comment at the top of migrate_data_test.go)",
			m.Version, m.Name, path)
	}
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := store.FixtureStatements(string(b), db.Dialect)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	err = db.Tx(context.Background(), func(tx *sql.Tx) error {
		for _, s := range stmts {
			if _, err := tx.Exec(s); err != nil {
				return fmt.Errorf("%w\n%s", err, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("fixture %s at version %04d: %v", path, m.Version, err)
	}
	var keeps []keepQuery
	for _, line := range strings.Split(string(b), "\n") {
		q, ok := strings.CutPrefix(strings.TrimSpace(line), "-- keep:")
		if !ok {
			continue
		}
		k := keepQuery{version: m.Version, query: strings.TrimSpace(q)}
		if k.want = render(t, db, k.query); k.want == "" {
			t.Fatalf("%s: keep query returns no rows, so it cannot notice a loss: %s", path, k.query)
		}
		keeps = append(keeps, k)
	}
	if len(keeps) == 0 {
		t.Fatalf("%s has no -- keep: query (see the comment at the top of migrate_data_test.go)", path)
	}
	return keeps
}

// checkNoOrphanFixtures refuses a fixture whose migration does not exist
// (a renumbered migration would otherwise lose its check silently).
func checkNoOrphanFixtures(t *testing.T, ms []store.Migration) {
	t.Helper()
	known := map[string]bool{}
	for _, m := range ms {
		known[fmt.Sprintf("%04d.sql", m.Version)] = true
	}
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !known[e.Name()] {
			t.Errorf("%s/%s belongs to no migration", fixtureDir, e.Name())
		}
	}
}

// rowCounts counts the rows of every table.
func rowCounts(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if db.Dialect == store.Postgres {
		q = `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	counts := map[string]int{}
	for _, table := range tables {
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		counts[table] = n
	}
	return counts
}

// readAllRows scans every row of table, so a column that no longer reads
// back (a bad type change) fails here.
func readAllRows(t *testing.T, db *store.DB, table string, m store.Migration) {
	t.Helper()
	// The migration's number in the text makes it a new statement: pgx
	// caches prepared statements by their text, and PostgreSQL refuses a
	// cached "SELECT *" once a migration added a column.
	q := fmt.Sprintf("SELECT * FROM %s /* after %04d */", table, m.Version)
	if _, err := renderQuery(db, q); err != nil {
		t.Errorf("after migration %04d_%s, table %s does not read: %v", m.Version, m.Name, table, err)
	}
}

func render(t *testing.T, db *store.DB, query string) string {
	t.Helper()
	out, err := renderQuery(db, query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return out
}

// renderQuery runs query and writes its rows as text, one line per row.
func renderQuery(db *store.DB, query string) (string, error) {
	rows, err := db.Query(query)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(renderValue(v))
		}
		b.WriteByte('\n')
	}
	return b.String(), rows.Err()
}

func renderValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return "x" + hex.EncodeToString(x)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}
