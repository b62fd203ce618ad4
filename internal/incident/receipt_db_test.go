package incident

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// dumpDatabase returns every value of every column of every table as text,
// prefixed with table and column, so a test can search the whole database.
func dumpDatabase(t *testing.T, db *store.DB) []string {
	t.Helper()
	ctx := context.Background()
	q := `SELECT name FROM sqlite_master WHERE type = 'table'`
	if db.Dialect == store.Postgres {
		q = `SELECT table_name FROM information_schema.tables
			WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`
	}
	rows, err := db.QueryContext(ctx, q)
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
	if len(tables) < 10 {
		t.Fatalf("found only %d tables: %v", len(tables), tables)
	}
	var out []string
	for _, table := range tables {
		rows, err := db.QueryContext(ctx, `SELECT * FROM `+table)
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatalf("%s: %v", table, err)
			}
			for i, v := range vals {
				s := fmt.Sprint(v)
				if b, ok := v.([]byte); ok {
					s = string(b)
				}
				out = append(out, table+"."+cols[i]+"="+s)
			}
		}
		rows.Close()
	}
	return out
}

func TestReceiptCodeAndAddressAreNeverStoredInTheClear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		anon := f.anonymous(AnonymousLimits{})
		code, err := anon.Report(ctx, anonAddr, f.anonReport(f.orgA))
		if err != nil {
			t.Fatal(err)
		}
		// Use every anonymous path once, so everything they write is there.
		if _, err := anon.Send(ctx, anonAddr, code.String(), "Aanvulling van de melder."); err != nil {
			t.Fatal(err)
		}
		if _, err := anon.Attach(ctx, anonAddr, code.String(), []Upload{{"foto.jpg", jpegWithMetadata(t)}}); err != nil {
			t.Fatal(err)
		}
		v, err := anon.Status(ctx, anonAddr, code.String())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.SendMessage(ctx, f.coordinator(f.orgA), v.Incident.ID, "Antwoord."); err != nil {
			t.Fatal(err)
		}
		secret := string(code[receiptLookupLen:])
		needles := []string{string(code), code.String(), secret, strings.ToLower(secret),
			hex.EncodeToString([]byte(code)), base64.StdEncoding.EncodeToString([]byte(code)),
			anonAddr, "Aanvulling van de melder", "weet waar ik woon"}
		values := dumpDatabase(t, db)
		// The dump must see what is stored, or the search proves nothing.
		if !containsAny(values, "incident_receipts.lookup_id="+code.LookupID()) ||
			!containsAny(values, "incident_messages.sender=reporter") {
			t.Fatal("the dump misses rows the intake wrote")
		}
		for _, v := range values {
			for _, n := range needles {
				if strings.Contains(v, n) {
					t.Errorf("database holds %q in the clear: %.120s", n, v)
				}
			}
		}
		// What is stored: the lookup id and an argon2id hash, nothing else.
		var lookup, hash string
		if err := db.QueryRowContext(ctx, `SELECT lookup_id, code_hash FROM incident_receipts`).Scan(&lookup, &hash); err != nil {
			t.Fatal(err)
		}
		if lookup != code.LookupID() || !strings.HasPrefix(hash, "$argon2id$") {
			t.Fatalf("receipt row: %q %q", lookup, hash)
		}
	})
}

func containsAny(values []string, s string) bool {
	for _, v := range values {
		if strings.Contains(v, s) {
			return true
		}
	}
	return false
}
