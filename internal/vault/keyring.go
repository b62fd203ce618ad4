package vault

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// KeySize is the size of master and data keys: AES-256.
const KeySize = 32

// Keyring holds the master keys (KEKs). The primary one wraps new data
// keys; every key unwraps what it wrapped.
type Keyring struct {
	primary string
	ids     []string
	aeads   map[string]cipher.AEAD
}

var keyIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// ParseKeyring reads the keyring text format (see the package comment).
// sep says whether spaces and commas also separate entries (the
// environment variable form).
func ParseKeyring(text string, sep bool) (*Keyring, error) {
	split := func(r rune) bool { return r == '\n' || r == '\r' || (sep && (r == ' ' || r == ',' || r == '\t')) }
	k := &Keyring{aeads: make(map[string]cipher.AEAD)}
	for i, line := range strings.FieldsFunc(text, split) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := k.add(line); err != nil {
			return nil, fmt.Errorf("sleutel %d: %w", i+1, err)
		}
	}
	if len(k.ids) == 0 {
		return nil, errors.New("geen sleutels gevonden (verwacht één regel id:base64sleutel per sleutel)")
	}
	return k, nil
}

func (k *Keyring) add(line string) error {
	id, enc, ok := strings.Cut(line, ":")
	if !ok || !keyIDPattern.MatchString(id) {
		return errors.New("verwacht id:base64sleutel, met een id van letters, cijfers, '.', '_' of '-'")
	}
	if _, dup := k.aeads[id]; dup {
		return fmt.Errorf("id %q komt twee keer voor", id)
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(enc))
	if err != nil || len(raw) != KeySize {
		return fmt.Errorf("sleutel %q is geen base64 van %d bytes", id, KeySize)
	}
	aead, err := newAEAD(raw)
	if err != nil {
		return err
	}
	if k.primary == "" {
		k.primary = id
	}
	k.ids = append(k.ids, id)
	k.aeads[id] = aead
	return nil
}

// Primary is the id of the key that wraps new data keys.
func (k *Keyring) Primary() string { return k.primary }

// IDs lists the key ids, primary first.
func (k *Keyring) IDs() []string { return append([]string(nil), k.ids...) }

// GenerateKeyLine returns a new keyring line "id:base64key" with 32 random
// bytes; the id holds the date, for people who rotate.
func GenerateKeyLine(now time.Time) (string, error) {
	key := make([]byte, KeySize)
	suffix := make([]byte, 3)
	if _, err := rand.Read(key); err != nil {
		return "", err
	}
	if _, err := rand.Read(suffix); err != nil {
		return "", err
	}
	id := "k" + now.UTC().Format("20060102") + "-" + hex.EncodeToString(suffix)
	return id + ":" + base64.StdEncoding.EncodeToString(key), nil
}

// newAEAD is AES-256-GCM with a random 96-bit nonce per seal, prepended to
// the ciphertext by the standard library.
func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCMWithRandomNonce(block)
}

// wrapAAD binds a wrapped data key to the master key that wrapped it.
func wrapAAD(kekID string) []byte { return []byte("weerbaar/vault/dek/v1:" + kekID) }

func (k *Keyring) wrap(dek []byte) (kekID string, wrapped []byte) {
	return k.primary, k.aeads[k.primary].Seal(nil, nil, dek, wrapAAD(k.primary))
}

func (k *Keyring) unwrap(kekID string, wrapped []byte) ([]byte, error) {
	aead, ok := k.aeads[kekID]
	if !ok {
		return nil, fmt.Errorf("vault: master key %q is not in the keyring", kekID)
	}
	dek, err := aead.Open(nil, nil, wrapped, wrapAAD(kekID))
	if err != nil {
		return nil, fmt.Errorf("vault: unwrap with master key %q: %w", kekID, ErrDecrypt)
	}
	return dek, nil
}
