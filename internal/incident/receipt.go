package incident

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// A receipt code is what an anonymous reporter writes down to come back:
// read the status of the report and exchange messages with the handler.
//
// Form: 20 symbols of Crockford's base32, shown in five groups of four,
// e.g. "7K3Q-M9TR-X2HP-4WCD-5NBF". Crockford's alphabet has no I, L, O or U,
// so nothing is ambiguous when copied by hand, and reading back is lenient:
// lower case, spaces and dashes are ignored, O is read as 0 and I/L as 1.
//
// Why 20 symbols: each symbol is 5 random bits. The first group (20 bits)
// is the lookup id, stored in the clear so that a code finds its report in
// O(1) without storing the code: an argon2id hash of a random code cannot
// be looked up by value. The other 16 symbols are 80 random bits that are
// stored only inside the argon2id hash. So even someone holding a copy of
// the database faces a full 80-bit secret behind a memory-hard hash, and
// someone guessing online faces 100 bits (about 1.3e30 codes) behind a
// rate limit. 20 decimal digits would give only 66 bits, 24 digits 79.7;
// GlobaLeaks' 16 digits are 53 bits. The issue asks for at least 80.
const (
	receiptAlphabet   = "0123456789ABCDEFGHJKMNPQRSTVWXYZ" // Crockford base32
	receiptLookupLen  = 4                                  // symbols stored in the clear
	receiptSecretLen  = 16                                 // symbols only ever hashed
	receiptLen        = receiptLookupLen + receiptSecretLen
	receiptBitsSymbol = 5
	// ReceiptSecretBits is the entropy never stored in any readable form.
	ReceiptSecretBits = receiptSecretLen * receiptBitsSymbol
)

// Argon2id parameters for receipt codes: OWASP's password minimum
// (m=19 MiB, t=2, p=1). The code is already 80 random bits, so the hash is
// a second wall, not the only one; the parameters are written into each
// stored hash so they can be raised later without breaking old codes.
const (
	receiptArgonTime    = 2
	receiptArgonMemory  = 19 * 1024
	receiptArgonThreads = 1
	receiptArgonKeyLen  = 32
	receiptSaltLen      = 16
)

// ErrBadReceipt means the text is not a well-formed receipt code.
var ErrBadReceipt = errors.New("ongeldige ontvangstcode")

// ReceiptCode is a normalised receipt code: 20 upper-case Crockford symbols
// without separators. It is a secret: never log it, never store it.
type ReceiptCode string

// NewReceiptCode makes a fresh code from 100 bits of crypto/rand.
func NewReceiptCode() (ReceiptCode, error) {
	var b [receiptLen]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("receipt code: %w", err)
	}
	// 256 is a multiple of 32, so taking the low 5 bits of a uniform byte
	// gives a uniform symbol without bias.
	for i := range b {
		b[i] = receiptAlphabet[b[i]&31]
	}
	return ReceiptCode(b[:]), nil
}

// ParseReceiptCode reads a code as a person typed it.
func ParseReceiptCode(s string) (ReceiptCode, error) {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == '-' || r == ' ' || r == '\t':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if r > 127 || !strings.ContainsRune(receiptAlphabet, r) {
			return "", ErrBadReceipt
		}
		b.WriteRune(r)
	}
	if b.Len() != receiptLen {
		return "", ErrBadReceipt
	}
	return ReceiptCode(b.String()), nil
}

// String shows the code in groups of four, the form people write down.
func (c ReceiptCode) String() string {
	var b strings.Builder
	for i := 0; i < len(c); i += 4 {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(string(c[i:min(i+4, len(c))]))
	}
	return b.String()
}

// LookupID is the non-secret first group, stored in the clear to find the
// report; it is not unique, the hash decides.
func (c ReceiptCode) LookupID() string { return string(c[:receiptLookupLen]) }

// hashReceipt returns the stored form of c, in the PHC string format:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>.
func hashReceipt(c ReceiptCode) (string, error) {
	salt := make([]byte, receiptSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("receipt salt: %w", err)
	}
	key := argon2.IDKey([]byte(c), salt, receiptArgonTime, receiptArgonMemory, receiptArgonThreads, receiptArgonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version,
		receiptArgonMemory, receiptArgonTime, receiptArgonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// receiptMatches reports whether c hashes to stored, in constant time.
func receiptMatches(c ReceiptCode, stored string) bool {
	parts := strings.Split(stored, "$")
	if len(parts) != 6 || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return false
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(c), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}
