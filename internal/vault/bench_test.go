package vault

import (
	"context"
	"crypto/rand"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// BenchmarkSealOpen1KiB measures sealing and opening one 1 KiB field: with
// the record's data key already cached, and with a new data key per record
// (NewKey + Seal + Open, as an intake that creates the record does).
func BenchmarkSealOpen1KiB(b *testing.B) {
	for _, d := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(d.name+"/cached-key", func(b *testing.B) { benchSealOpen(b, d.open(b), false) })
		b.Run(d.name+"/new-key-per-record", func(b *testing.B) { benchSealOpen(b, d.open(b), true) })
	}
}

func benchSealOpen(b *testing.B, db *store.DB, keyPerRecord bool) {
	ctx := context.Background()
	v := newVault(b, db)
	field := make([]byte, 1024)
	rand.Read(field)
	aad := []byte("incident:42:description")
	id := newKey(b, v, db)
	b.SetBytes(int64(len(field)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if keyPerRecord {
			id = newKey(b, v, db)
		}
		sealed, err := v.Seal(ctx, db, id, field, aad)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := v.Open(ctx, db, sealed, aad); err != nil {
			b.Fatal(err)
		}
	}
}
