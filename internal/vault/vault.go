// Package vault encrypts Weerbaar's sensitive fields and files at rest with
// envelope encryption from the standard library (AES-256-GCM).
//
// Every record gets its own data key (DEK, 32 random bytes) in the table
// data_keys, stored wrapped (encrypted) by a master key (KEK) from the
// keyring. Seal encrypts a field with a record's DEK and returns a
// self-describing blob; the caller passes associated data that names the
// field and its record (e.g. "incident:42:description"), so a blob copied to
// another record or field does not open. Erase destroys a DEK: everything
// sealed with it becomes unreadable (crypto-shredding), also in backups made
// afterwards.
//
// # Keyring
//
// The master keys come from a file (--master-key-file) or the environment
// variable WEERBAAR_MASTER_KEY, in this text format:
//
//	# comment lines and blank lines are ignored
//	k20261123-3fa9c1:<base64 of 32 random bytes>
//	k20250101-0b7e22:<base64 of 32 random bytes>
//
// one "id:key" per line (in the environment variable lines may also be
// separated by spaces or commas); the first is the primary key, used to
// wrap new DEKs; the others only unwrap. `weerbaar keys generate` prints a
// new line.
//
// # Rotating the master key without downtime
//
//  1. `weerbaar keys generate` and append the line to the key file on every
//     server (secondary: it unwraps nothing yet, nothing changes).
//  2. Move the new line to the top on every server and restart them one by
//     one: new DEKs are now wrapped by the new key; the old one still
//     unwraps the rest.
//  3. `weerbaar keys rotate` re-wraps every DEK still wrapped by another key,
//     in small transactions, while the servers keep running.
//  4. Check with `weerbaar keys status` that the old key wraps 0 data keys,
//     remove its line from every key file, and destroy it. (A server whose
//     keyring lacks a key that still wraps data keys refuses to start:
//     CheckKeyring.)
//
// The data itself is never re-encrypted: only the small wrapped DEKs change.
//
// # Erasing
//
// Erase sets the wrapped DEK to NULL. The database may keep the old bytes
// for a while (SQLite free space and WAL, PostgreSQL dead tuples until
// VACUUM, and backups), but they are wrapped: once the master key of that
// time is rotated away and destroyed, they are useless.
package vault

import (
	"errors"
	"time"

	"weerbaar/internal/store"
)

var (
	// ErrErased: the record's data key was erased; its data is gone for good.
	ErrErased = errors.New("vault: data key erased")
	// ErrNoKey: the blob names a data key that does not exist.
	ErrNoKey = errors.New("vault: no such data key")
	// ErrDecrypt: the blob was altered, or belongs to another record or field.
	ErrDecrypt = errors.New("vault: cannot decrypt (tampered, or wrong record or field)")
	// ErrFormat: the bytes are not a vault blob.
	ErrFormat = errors.New("vault: not a sealed value")
)

// Vault seals and opens fields with per-record data keys.
type Vault struct {
	db    *store.DB
	keys  *Keyring
	cache *dekCache
	now   func() time.Time
}

// CacheSize is how many unwrapped data keys a Vault keeps in memory.
const CacheSize = 4096

// CacheTTL bounds how long an unwrapped data key stays cached, so a key
// erased through another server stops working here within this time.
const CacheTTL = time.Minute

// New returns a vault over db's data keys, wrapping with keys.
func New(db *store.DB, keys *Keyring) *Vault {
	return &Vault{db: db, keys: keys, cache: newDEKCache(CacheSize, CacheTTL), now: time.Now}
}

// Keyring is the vault's master keys.
func (v *Vault) Keyring() *Keyring { return v.keys }
