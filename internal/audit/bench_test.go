package audit_test

import (
	"context"
	"database/sql"
	"testing"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

var databases = []struct {
	name string
	open func(testing.TB) *store.DB
}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}}

// BenchmarkWriteNow is one audit event in its own transaction (on SQLite
// with an fsync per commit).
func BenchmarkWriteNow(b *testing.B) {
	for _, d := range databases {
		b.Run(d.name, func(b *testing.B) {
			l := audit.New(d.open(b))
			ctx := context.Background()
			for b.Loop() {
				if err := l.WriteNow(ctx, audit.Event{Actor: 1, Action: "incident.read", Object: "incident", ObjectID: "42"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerify10k verifies a chain of 10,000 rows; see ns/op for the
// time one `weerbaar audit verify` of that size takes.
func BenchmarkVerify10k(b *testing.B) {
	for _, d := range databases {
		b.Run(d.name, func(b *testing.B) {
			db := d.open(b)
			l := audit.New(db)
			ctx := context.Background()
			err := db.Tx(ctx, func(tx *sql.Tx) error {
				for range 10_000 {
					if err := l.Write(ctx, tx, audit.Event{Actor: 1, Action: "incident.read", Detail: "regel"}); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if rep, err := l.Verify(ctx); err != nil || rep.Rows != 10_000 {
					b.Fatal(rep, err)
				}
			}
		})
	}
}
