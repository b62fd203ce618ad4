package vault

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
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

func TestRotateRewrapsSoTheOldMasterKeyCanGo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		oldLine, newLine := keyLine(t), keyLine(t)
		before := New(db, keyring(t, oldLine))
		const n = RotateBatch*2 + 17 // several batches
		sealed := make(map[int64][]byte, n)
		var erased int64
		for i := range n {
			id := newKey(t, before, db)
			sealed[id] = seal(t, before, id, fmt.Sprintf("veld %d", i), fmt.Sprintf("incident:%d:x", id))
			if i == 5 {
				erased = id
			}
		}
		if err := before.Erase(ctx, db, erased); err != nil {
			t.Fatal(err)
		}
		// Steps 1+2 of the rollout: new key first, old key still present.
		during := New(db, keyring(t, newLine, oldLine))
		fresh := newKey(t, during, db) // already wrapped by the new key
		var calls, lastDone, lastTotal int
		count, err := during.RotateWithProgress(ctx, func(done, total int) { calls, lastDone, lastTotal = calls+1, done, total })
		if err != nil {
			t.Fatal(err)
		}
		if count != n-1 || lastDone != n-1 || lastTotal != n-1 || calls < 3 {
			t.Fatalf("rotated %d (progress %d/%d in %d calls), want %d", count, lastDone, lastTotal, calls, n-1)
		}
		if again, err := during.Rotate(ctx); err != nil || again != 0 {
			t.Fatalf("second rotate: %d, %v; want 0", again, err)
		}
		// Step 4: the old key is gone.
		after := New(db, keyring(t, newLine))
		for id, blob := range sealed {
			got, err := after.Open(ctx, db, blob, []byte(fmt.Sprintf("incident:%d:x", id)))
			if id == erased {
				if !errors.Is(err, ErrErased) {
					t.Fatalf("erased key %d after rotate: %v", id, err)
				}
				continue
			}
			if err != nil || !strings.HasPrefix(string(got), "veld ") {
				t.Fatalf("key %d after rotate: %q, %v", id, got, err)
			}
		}
		if _, err := after.Seal(ctx, db, fresh, []byte("x"), nil); err != nil {
			t.Fatal(err)
		}
	})
}

func TestRotateWithoutTheOldMasterKeyStopsAndSaysWhich(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		oldLine := keyLine(t)
		oldID, _, _ := strings.Cut(oldLine, ":")
		newKey(t, New(db, keyring(t, oldLine)), db)
		_, err := New(db, keyring(t, keyLine(t))).Rotate(context.Background())
		if err == nil || !strings.Contains(err.Error(), oldID) {
			t.Fatalf("err = %v, want it to name master key %s", err, oldID)
		}
	})
}

func TestConcurrentSealAndOpenShareTheCache(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		v := newVault(t, db)
		ids := make([]int64, 20)
		for i := range ids {
			ids[i] = newKey(t, v, db)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 50 {
					id := ids[(g+i)%len(ids)]
					aad := fmt.Sprintf("incident:%d:%d", id, i)
					b, err := v.SealString(ctx, db, id, aad, aad)
					if err == nil {
						var got string
						if got, err = v.OpenString(ctx, db, b, aad); err == nil && got != aad {
							err = fmt.Errorf("got %q want %q", got, aad)
						}
					}
					if err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
	})
}
