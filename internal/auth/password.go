package auth

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"weerbaar/internal/valid"
)

// Password length limits (OWASP ASVS 5: at least 12, at least 64 allowed).
const (
	MinPasswordLen = 12
	MaxPasswordLen = 128
)

//go:embed common-passwords.txt
var commonPasswordsText string

// commonPasswords is built once from the embedded list, read-only after.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 8000)
	sc := bufio.NewScanner(strings.NewReader(commonPasswordsText))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		m[strings.ToLower(line)] = struct{}{}
	}
	return m
})

// IsCommonPassword reports whether pw is on the shipped list of common
// passwords, ignoring case.
func IsCommonPassword(pw string) bool {
	_, ok := commonPasswords()[strings.ToLower(pw)]
	return ok
}

// CheckPassword validates a new password for the account with this e-mail
// address and name: length, the common-password list, and not the address
// or name itself. No composition rules. Problems are added to v under
// field "password".
func CheckPassword(v *valid.Error, pw, email, name string) {
	n := utf8.RuneCountInString(pw)
	switch {
	case n < MinPasswordLen:
		v.Add("password", "password_too_short", MinPasswordLen)
	case n > MaxPasswordLen:
		v.Add("password", "password_too_long", MaxPasswordLen)
	case IsCommonPassword(pw):
		v.Add("password", "password_common")
	case containsIdentity(pw, email, name):
		v.Add("password", "password_personal")
	}
}

// containsIdentity reports whether pw is the e-mail address, its local
// part or the name, ignoring case and spaces.
func containsIdentity(pw, email, name string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	p := norm(pw)
	local, _, _ := strings.Cut(email, "@")
	for _, id := range []string{email, local, name} {
		if id = norm(id); id != "" && p == id {
			return true
		}
	}
	return false
}

// hashPassword returns the argon2id hash of pw in PHC string format:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>.
func (s *Service) hashPassword(ctx context.Context, pw string) (string, error) {
	salt := make([]byte, 16)
	rand.Read(salt)
	p := s.opts.Argon2
	key, err := s.argon2(ctx, pw, salt, p, 32)
	if err != nil {
		return "", err
	}
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.MemoryKiB, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// verifyPassword reports whether pw matches the PHC hash, and whether the
// hash was made with weaker parameters than the current ones.
func (s *Service) verifyPassword(ctx context.Context, phc, pw string) (ok, weaker bool, err error) {
	p, salt, want, err := parsePHC(phc)
	if err != nil {
		return false, false, err
	}
	got, err := s.argon2(ctx, pw, salt, p, uint32(len(want)))
	if err != nil {
		return false, false, err
	}
	cur := s.opts.Argon2
	weaker = p.Time < cur.Time || p.MemoryKiB < cur.MemoryKiB || p.Threads < cur.Threads
	return subtle.ConstantTimeCompare(got, want) == 1, weaker, nil
}

// argon2 runs argon2id, at most MaxConcurrentHashes at a time so a burst
// of logins cannot exhaust memory.
func (s *Service) argon2(ctx context.Context, pw string, salt []byte, p Argon2Params, n uint32) ([]byte, error) {
	select {
	case s.hashSlots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-s.hashSlots }()
	s.hashes.Add(1)
	return argon2.IDKey([]byte(pw), salt, p.Time, p.MemoryKiB, p.Threads, n), nil
}

var errBadHash = errors.New("auth: password hash not in argon2id PHC format")

func parsePHC(phc string) (p Argon2Params, salt, key []byte, err error) {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, errBadHash
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, errBadHash
	}
	b64 := base64.RawStdEncoding
	if salt, err = b64.DecodeString(parts[4]); err != nil {
		return p, nil, nil, errBadHash
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 {
		return p, nil, nil, errBadHash
	}
	return p, salt, key, nil
}

// newDummyHash returns a PHC string with the current parameters and a
// random salt and key. It is checked when the e-mail address is unknown,
// so that path costs the same argon2 run; no password matches it (its key
// is not the output of any input anyone knows), and making it costs no
// argon2 run, so even the first unknown address is not slower.
func newDummyHash(p Argon2Params) string {
	salt, key := make([]byte, 16), make([]byte, 32)
	rand.Read(salt)
	rand.Read(key)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.MemoryKiB, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}
