package vault

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestStatusAndCheckKeyringFollowTheRollout(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		oldLine, newLine := keyLine(t), keyLine(t)
		oldID, _, _ := strings.Cut(oldLine, ":")
		newID, _, _ := strings.Cut(newLine, ":")
		old := New(db, keyring(t, oldLine))
		for range 3 {
			newKey(t, old, db)
		}
		if err := old.Erase(ctx, db, newKey(t, old, db)); err != nil {
			t.Fatal(err)
		}
		// The old key removed before rotating: refused, naming it.
		early := New(db, keyring(t, newLine))
		if err := early.CheckKeyring(ctx); err == nil || !strings.Contains(err.Error(), oldID+" (3)") {
			t.Fatalf("check without the old key: %v", err)
		}
		during := New(db, keyring(t, newLine, oldLine))
		if err := during.CheckKeyring(ctx); err != nil {
			t.Fatal(err)
		}
		newKey(t, during, db)
		got, err := during.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []KeyUse{{newID, 1, true, true}, {oldID, 3, true, false}}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("status %+v, want %+v", got, want)
		}
		if _, err := during.Rotate(ctx); err != nil {
			t.Fatal(err)
		}
		if err := early.CheckKeyring(ctx); err != nil {
			t.Fatalf("after rotate the old key may go: %v", err)
		}
		got, _ = during.Status(ctx)
		if want := []KeyUse{{newID, 4, true, true}, {oldID, 0, true, false}}; !reflect.DeepEqual(got, want) {
			t.Fatalf("status after rotate %+v, want %+v", got, want)
		}
	})
}
