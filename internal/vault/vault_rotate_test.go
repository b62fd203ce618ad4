package vault

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

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
