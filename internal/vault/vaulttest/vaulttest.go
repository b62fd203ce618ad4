// Package vaulttest gives tests a vault on their database with a fresh
// master key, as a service under test needs one.
package vaulttest

import (
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/vault"
)

// New is a vault on db with a master key made for this call alone.
func New(t testing.TB, db *store.DB) *vault.Vault {
	t.Helper()
	line, err := vault.GenerateKeyLine(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	keys, err := vault.ParseKeyring(line, false)
	if err != nil {
		t.Fatal(err)
	}
	return vault.New(db, keys)
}
