package auth

import (
	"context"
	"testing"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// benchService uses the default (production) argon2 parameters.
func benchService(b *testing.B, db *store.DB) (*Service, context.Context) {
	s := NewService(db, audit.New(db), Options{})
	ctx := context.Background()
	var org int64
	if err := db.QueryRowContext(ctx, `SELECT id FROM organisations WHERE code = 'GM0344'`).Scan(&org); err != nil {
		b.Fatal(err)
	}
	if _, err := s.CreateAccount(ctx, nil, NewAccount{Email: "raadslid@example.nl", Name: "Raadslid Utrecht",
		Role: RoleMember, OrgID: org, Password: testPassword}); err != nil {
		b.Fatal(err)
	}
	return s, ctx
}

// BenchmarkLogin is a full password login of an ambtsdrager: rate-limit
// check, argon2id (t=2, m=19 MiB, p=1), new session, audit row.
func BenchmarkLogin(b *testing.B) {
	for name, open := range benchDBs {
		b.Run(name, func(b *testing.B) {
			s, ctx := benchService(b, open(b))
			b.ResetTimer()
			for b.Loop() {
				if _, err := s.Login(ctx, "raadslid@example.nl", testPassword, "192.0.2.1:1234"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSessionCheck is Authenticate on a live session: one indexed
// read (last-seen is written at most once a minute).
func BenchmarkSessionCheck(b *testing.B) {
	for name, open := range benchDBs {
		b.Run(name, func(b *testing.B) {
			s, ctx := benchService(b, open(b))
			step, err := s.Login(ctx, "raadslid@example.nl", testPassword, "192.0.2.1:1234")
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := s.Authenticate(ctx, step.Session); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchDBs opens a fresh database of each kind (PostgreSQL is skipped
// with the reason when its binaries are absent).
var benchDBs = map[string]func(testing.TB) *store.DB{"sqlite": storetest.SQLite, "postgres": storetest.Postgres}
