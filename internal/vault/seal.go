package vault

import (
	"context"
	"crypto/cipher"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"

	"weerbaar/internal/store"
)

// Blob layout: version (1 byte) | data key id (8 bytes, big endian) |
// nonce (12 bytes) | ciphertext | GCM tag (16 bytes). The 9-byte header is
// authenticated together with the caller's associated data.
const (
	blobVersion = 1
	headerSize  = 1 + 8
)

// NewKey creates a data key for one record, wrapped by the primary master
// key, inside the caller's transaction q, and returns its id.
func (v *Vault) NewKey(ctx context.Context, q store.Querier) (int64, error) {
	dek := make([]byte, KeySize)
	if _, err := rand.Read(dek); err != nil {
		return 0, fmt.Errorf("vault: new key: %w", err)
	}
	id, err := randomID()
	if err != nil {
		return 0, fmt.Errorf("vault: new key: %w", err)
	}
	kekID, wrapped := v.keys.wrap(dek)
	if _, err := q.ExecContext(ctx, `INSERT INTO data_keys (id, wrapped, kek_id, created_at) VALUES ($1, $2, $3, $4)`,
		id, wrapped, kekID, v.now().UTC()); err != nil {
		return 0, fmt.Errorf("vault: new key: %w", err)
	}
	// Cached at once: the record is about to be sealed. If q rolls back, the
	// entry is an orphan that no blob names (ids are never reused).
	aead, err := newAEAD(dek)
	clear(dek)
	if err != nil {
		return 0, err
	}
	v.cache.put(id, aead, v.now())
	return id, nil
}

// randomID is a positive 63-bit id; ids are never reused, so a cached key
// can never belong to another record after a rollback.
func randomID() (int64, error) {
	var b [8]byte
	for {
		if _, err := rand.Read(b[:]); err != nil {
			return 0, err
		}
		if id := int64(binary.BigEndian.Uint64(b[:]) >> 1); id != 0 {
			return id, nil
		}
	}
}

// Seal encrypts plaintext with data key keyID. aad must name the field and
// its record, e.g. "incident:42:description"; Open needs the same aad.
func (v *Vault) Seal(ctx context.Context, q store.Querier, keyID int64, plaintext, aad []byte) ([]byte, error) {
	aead, err := v.dek(ctx, q, keyID)
	if err != nil {
		return nil, err
	}
	header := make([]byte, headerSize, headerSize+aead.NonceSize()+len(plaintext)+aead.Overhead())
	header[0] = blobVersion
	binary.BigEndian.PutUint64(header[1:], uint64(keyID))
	return aead.Seal(header, nil, plaintext, fullAAD(header, aad)), nil
}

// Open decrypts a blob made by Seal with the same aad.
func (v *Vault) Open(ctx context.Context, q store.Querier, sealed, aad []byte) ([]byte, error) {
	keyID, err := KeyID(sealed)
	if err != nil {
		return nil, err
	}
	aead, err := v.dek(ctx, q, keyID)
	if err != nil {
		return nil, err
	}
	plain, err := aead.Open(nil, nil, sealed[headerSize:], fullAAD(sealed[:headerSize], aad))
	if err != nil {
		return nil, ErrDecrypt
	}
	return plain, nil
}

// KeyID returns the data key id a blob was sealed with.
func KeyID(sealed []byte) (int64, error) {
	if len(sealed) < headerSize || sealed[0] != blobVersion {
		return 0, ErrFormat
	}
	return int64(binary.BigEndian.Uint64(sealed[1:headerSize])), nil
}

func fullAAD(header, aad []byte) []byte {
	return append(append(make([]byte, 0, len(header)+len(aad)), header...), aad...)
}

// SealString seals a text field; see Seal.
func (v *Vault) SealString(ctx context.Context, q store.Querier, keyID int64, plaintext, aad string) ([]byte, error) {
	return v.Seal(ctx, q, keyID, []byte(plaintext), []byte(aad))
}

// OpenString opens a text field sealed by SealString.
func (v *Vault) OpenString(ctx context.Context, q store.Querier, sealed []byte, aad string) (string, error) {
	b, err := v.Open(ctx, q, sealed, []byte(aad))
	return string(b), err
}

// Erase destroys data key keyID inside the caller's transaction q: what was
// sealed with it can no longer be opened (ErrErased). Other servers drop
// their cached copy within CacheTTL.
func (v *Vault) Erase(ctx context.Context, q store.Querier, keyID int64) error {
	res, err := q.ExecContext(ctx, `UPDATE data_keys SET wrapped = NULL, erased = TRUE WHERE id = $1`, keyID)
	if err != nil {
		return fmt.Errorf("vault: erase key %d: %w", keyID, err)
	}
	v.cache.remove(keyID)
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("vault: erase key %d: %w", keyID, ErrNoKey)
	}
	return nil
}

// dek returns the ready AEAD of data key id, from the cache or unwrapped
// from the database.
func (v *Vault) dek(ctx context.Context, q store.Querier, id int64) (cipher.AEAD, error) {
	now := v.now()
	if aead, ok := v.cache.get(id, now); ok {
		return aead, nil
	}
	var wrapped []byte
	var kekID string
	var erased bool
	err := q.QueryRowContext(ctx, `SELECT wrapped, kek_id, erased FROM data_keys WHERE id = $1`, id).Scan(&wrapped, &kekID, &erased)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("data key %d: %w", id, ErrNoKey)
	case err != nil:
		return nil, fmt.Errorf("vault: data key %d: %w", id, err)
	case erased || wrapped == nil:
		return nil, fmt.Errorf("data key %d: %w", id, ErrErased)
	}
	raw, err := v.keys.unwrap(kekID, wrapped)
	if err != nil {
		return nil, fmt.Errorf("data key %d: %w", id, err)
	}
	aead, err := newAEAD(raw)
	clear(raw)
	if err != nil {
		return nil, err
	}
	v.cache.put(id, aead, now)
	return aead, nil
}
