package vault

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

func keyring(t testing.TB, lines ...string) *Keyring {
	t.Helper()
	k, err := ParseKeyring(strings.Join(lines, "\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func newVault(t testing.TB, db *store.DB) *Vault { return New(db, keyring(t, keyLine(t))) }

func newKey(t testing.TB, v *Vault, q store.Querier) int64 {
	t.Helper()
	id, err := v.NewKey(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func seal(t testing.TB, v *Vault, keyID int64, plain, aad string) []byte {
	t.Helper()
	b, err := v.SealString(context.Background(), v.db, keyID, plain, aad)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSealedFieldOpensWithItsOwnContext(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		v := newVault(t, db)
		var id int64
		var sealed []byte
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			var err error
			if id, err = v.NewKey(ctx, tx); err != nil {
				return err
			}
			sealed, err = v.SealString(ctx, tx, id, "Dreigbrief bij de woning, Voorbeeldstraat 1", "incident:42:description")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(sealed, []byte("Voorbeeldstraat")) {
			t.Fatal("plaintext visible in sealed blob")
		}
		if got, _ := KeyID(sealed); got != id {
			t.Fatalf("blob names key %d, want %d", got, id)
		}
		// A fresh vault (empty cache) over the same keyring reads it back.
		fresh := New(db, v.keys)
		got, err := fresh.OpenString(ctx, db, sealed, "incident:42:description")
		if err != nil || got != "Dreigbrief bij de woning, Voorbeeldstraat 1" {
			t.Fatalf("open: %q, %v", got, err)
		}
		empty := seal(t, v, id, "", "incident:42:note")
		if got, err := v.OpenString(ctx, db, empty, "incident:42:note"); err != nil || got != "" {
			t.Fatalf("empty field: %q, %v", got, err)
		}
	})
}

func TestSealedFieldMovedToAnotherRecordOrFieldDoesNotOpen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		v := newVault(t, db)
		k42, k43 := newKey(t, v, db), newKey(t, v, db)
		desc42 := seal(t, v, k42, "beschrijving 42", "incident:42:description")
		desc43 := seal(t, v, k43, "beschrijving 43", "incident:43:description")
		shared := seal(t, v, k42, "naam", "incident:42:name")
		tests := []struct {
			name   string
			sealed []byte
			aad    string
		}{
			{"record 42's description read as record 43's", desc42, "incident:43:description"},
			{"record 43's description read as record 42's", desc43, "incident:42:description"},
			{"name read as description of the same record", shared, "incident:42:description"},
			{"description read as name", desc42, "incident:42:name"},
			{"other kind of record", desc42, "support:42:description"},
			{"no context", desc42, ""},
		}
		for _, tt := range tests {
			if _, err := v.OpenString(ctx, db, tt.sealed, tt.aad); !errors.Is(err, ErrDecrypt) {
				t.Errorf("%s: err = %v, want ErrDecrypt", tt.name, err)
			}
		}
		// A blob whose header is rewritten to name the other record's key fails too.
		forged := append([]byte(nil), desc42...)
		copy(forged[1:9], desc43[1:9])
		if _, err := v.OpenString(ctx, db, forged, "incident:43:description"); !errors.Is(err, ErrDecrypt) {
			t.Errorf("header swapped: err = %v, want ErrDecrypt", err)
		}
	})
}

func TestTamperedCiphertextDoesNotOpen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		v := newVault(t, db)
		id := newKey(t, v, db)
		sealed := seal(t, v, id, strings.Repeat("x", 100), "incident:1:description")
		tests := []struct {
			name string
			at   int
			want error
		}{
			{"version byte", 0, ErrFormat},
			{"key id", 8, nil}, // another key id: no such key, or cannot decrypt
			{"nonce", headerSize + 3, ErrDecrypt},
			{"ciphertext", headerSize + 12 + 50, ErrDecrypt},
			{"tag", len(sealed) - 1, ErrDecrypt},
		}
		for _, tt := range tests {
			bad := append([]byte(nil), sealed...)
			bad[tt.at] ^= 0x01
			_, err := v.Open(ctx, db, bad, []byte("incident:1:description"))
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("%s flipped: err = %v, want %v", tt.name, err, tt.want)
			}
		}
		for _, short := range [][]byte{nil, sealed[:5], sealed[:headerSize+10]} {
			if _, err := v.Open(ctx, db, short, []byte("incident:1:description")); err == nil {
				t.Errorf("truncated blob of %d bytes opened", len(short))
			}
		}
	})
}

func TestErasedKeyMakesItsDataUnreadable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		v := newVault(t, db)
		id, other := newKey(t, v, db), newKey(t, v, db)
		sealed := seal(t, v, id, "huisadres", "veiligwonen:7:address")
		kept := seal(t, v, other, "huisadres", "veiligwonen:8:address")
		if _, err := v.OpenString(ctx, db, sealed, "veiligwonen:7:address"); err != nil {
			t.Fatal(err) // and the key is now cached
		}
		if err := db.Tx(ctx, func(tx *sql.Tx) error { return v.Erase(ctx, tx, id) }); err != nil {
			t.Fatal(err)
		}
		if _, err := v.OpenString(ctx, db, sealed, "veiligwonen:7:address"); !errors.Is(err, ErrErased) {
			t.Fatalf("after erase: err = %v, want ErrErased", err)
		}
		if _, err := v.SealString(ctx, db, id, "nieuw", "veiligwonen:7:address"); !errors.Is(err, ErrErased) {
			t.Fatalf("seal with erased key: err = %v, want ErrErased", err)
		}
		if got, err := v.OpenString(ctx, db, kept, "veiligwonen:8:address"); err != nil || got != "huisadres" {
			t.Fatalf("other record: %q, %v", got, err)
		}
		var wrapped []byte
		if err := db.QueryRowContext(ctx, `SELECT wrapped FROM data_keys WHERE id = $1`, id).Scan(&wrapped); err != nil || wrapped != nil {
			t.Fatalf("wrapped key still stored: %x, %v", wrapped, err)
		}
		if err := v.Erase(ctx, db, 12345); !errors.Is(err, ErrNoKey) {
			t.Fatalf("erase unknown key: %v", err)
		}
	})
}

// A server that cached a key stops using it within CacheTTL after another
// server erased it.
func TestKeyErasedElsewhereExpiresFromCache(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newVault(t, db)
		b := New(db, a.keys)
		clock := time.Now()
		b.now = func() time.Time { return clock }
		id := newKey(t, a, db)
		sealed := seal(t, a, id, "geheim", "incident:1:x")
		if _, err := b.OpenString(ctx, db, sealed, "incident:1:x"); err != nil {
			t.Fatal(err)
		}
		if err := a.Erase(ctx, db, id); err != nil {
			t.Fatal(err)
		}
		clock = clock.Add(CacheTTL + time.Second)
		if _, err := b.OpenString(ctx, db, sealed, "incident:1:x"); !errors.Is(err, ErrErased) {
			t.Fatalf("after TTL: err = %v, want ErrErased", err)
		}
	})
}

func TestUnknownKeyIsReported(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		v := newVault(t, db)
		if _, err := v.SealString(context.Background(), db, 999, "x", "a"); !errors.Is(err, ErrNoKey) {
			t.Fatalf("err = %v, want ErrNoKey", err)
		}
	})
}
