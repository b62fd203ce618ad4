// Package auth keeps Weerbaar's accounts, roles, passwords, second factor,
// sessions and API tokens, and answers the one policy question for
// accounts: may this person manage that account?
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
	"weerbaar/internal/vault"
)

// Errors callers tell apart. The edge shows them in Dutch.
var (
	// ErrInvalidCredentials is the one answer for an unknown e-mail
	// address, a wrong password and a disabled account, so nobody can
	// learn which accounts exist.
	ErrInvalidCredentials = errors.New("auth: onjuist e-mailadres of wachtwoord")
	// ErrRateLimited means too many failed attempts: try again later.
	ErrRateLimited = errors.New("auth: te veel mislukte pogingen, probeer het later opnieuw")
	// ErrInvalidCode is a wrong, reused or expired TOTP or recovery code.
	ErrInvalidCode = errors.New("auth: onjuiste code")
	// ErrNoSession means the session or pending login token is unknown,
	// expired or ended: log in again.
	ErrNoSession = errors.New("auth: niet (meer) ingelogd")
	// ErrForbidden means the policy does not allow the action.
	ErrForbidden = errors.New("auth: niet toegestaan")
	// ErrNotFound means the account, session or token does not exist.
	ErrNotFound = errors.New("auth: niet gevonden")
	// ErrReverifyRequired means the action needs the password or second
	// factor again (see Reverify).
	ErrReverifyRequired = errors.New("auth: bevestig eerst opnieuw met wachtwoord of code")
	// ErrTOTPNotEnabled means the account has no second factor set up.
	ErrTOTPNotEnabled = errors.New("auth: geen tweede factor ingesteld")
)

// Argon2Params are the argon2id cost parameters for new password hashes.
// Stored hashes carry their own parameters, so these can be raised later:
// a hash with lower parameters is replaced at the next successful login.
type Argon2Params struct {
	Time      uint32 // iterations
	MemoryKiB uint32
	Threads   uint8
}

// Options tune the service; zero values take the defaults.
type Options struct {
	Now             func() time.Time // default time.Now
	IdleTimeout     time.Duration    // default 30 minutes
	AbsoluteTimeout time.Duration    // default 12 hours
	Argon2          Argon2Params     // default t=2, m=19 MiB, p=1 (OWASP minimum)
	// AddressKey keys the hash under which network addresses are counted
	// for rate limiting. Empty: a random key kept in the settings table,
	// shared by every app server on the same database.
	AddressKey []byte
	// Vault encrypts TOTP secrets at rest. Without it, setting up TOTP
	// fails (secrets are never stored unencrypted); passwords, sessions and
	// tokens work.
	Vault *vault.Vault
	// MaxConcurrentHashes bounds parallel argon2 runs (each takes
	// Argon2.MemoryKiB of memory). Default: 2 per CPU.
	MaxConcurrentHashes int
}

// Limits of the login rate limiter and of the short-lived steps.
const (
	FailureWindow      = 15 * time.Minute
	MaxAccountFailures = 10 // per e-mail address per window
	MaxAddressFailures = 50 // per network address per window
	ChallengeLifetime  = 5 * time.Minute
	maxChallengeTries  = 5
	ReverifyWindow     = 15 * time.Minute
	lastSeenPrecision  = time.Minute
)

// Service is the account and session service.
type Service struct {
	db    *store.DB
	audit *audit.Log
	opts  Options

	hashSlots chan struct{}
	hashes    atomic.Int64 // argon2 runs, for the no-enumeration test
	dummy     string       // see newDummyHash
	addrOnce  sync.Once
	addrKey   []byte
	addrErr   error
}

// NewService returns the service keeping its state in db and writing
// every change to log.
func NewService(db *store.DB, log *audit.Log, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = 30 * time.Minute
	}
	if opts.AbsoluteTimeout <= 0 {
		opts.AbsoluteTimeout = 12 * time.Hour
	}
	if opts.Argon2.Time == 0 {
		opts.Argon2 = Argon2Params{Time: 2, MemoryKiB: 19 * 1024, Threads: 1}
	}
	if opts.MaxConcurrentHashes <= 0 {
		opts.MaxConcurrentHashes = 2 * runtime.NumCPU()
	}
	return &Service{db: db, audit: log, opts: opts, dummy: newDummyHash(opts.Argon2),
		hashSlots: make(chan struct{}, opts.MaxConcurrentHashes)}
}

// now is the current time in UTC at the databases' common precision.
func (s *Service) now() time.Time { return s.opts.Now().UTC().Truncate(time.Microsecond) }

// newToken returns 32 random bytes, base64url without padding, and the
// SHA-256 (hex) under which it is stored.
func newToken(prefix string) (token, hash string) {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand panics rather than return short)
	token = prefix + base64.RawURLEncoding.EncodeToString(b)
	return token, tokenHash(token)
}

func tokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// nullOrg maps "no organisation" to SQL NULL.
func nullOrg(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// write appends an audit event inside the caller's transaction.
func (s *Service) write(ctx context.Context, q store.Querier, actor *Principal, e audit.Event) error {
	if actor != nil && e.Actor == 0 {
		e.Actor = actor.AccountID
	}
	return s.audit.Write(ctx, q, e)
}
