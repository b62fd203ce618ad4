package auth

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
)

// RecoveryCodeCount is how many recovery codes a person gets at a time.
const RecoveryCodeCount = 10

// recoveryAlphabet leaves out look-alikes (0/o, 1/l/i).
const recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// newRecoveryCode is 16 characters from a 31-letter alphabet (79 bits),
// shown in groups of four: "abcd-efgh-jkmn-pqrs".
func newRecoveryCode() string {
	var b strings.Builder
	for i := range 16 {
		if i > 0 && i%4 == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(recoveryAlphabet[randIndex(len(recoveryAlphabet))])
	}
	return b.String()
}

// randIndex returns a uniform random number in [0, n) by rejection.
func randIndex(n int) int {
	limit := 256 - 256%n
	var one [1]byte
	for {
		rand.Read(one[:])
		if int(one[0]) < limit {
			return int(one[0]) % n
		}
	}
}

// normalizeRecoveryCode accepts the code with or without dashes, spaces or
// capitals.
func normalizeRecoveryCode(code string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToLower(code))
}

// replaceRecoveryCodes deletes the account's codes and stores new ones
// (only their SHA-256; they carry enough randomness not to need argon2).
func (s *Service) replaceRecoveryCodes(ctx context.Context, q store.Querier, accountID int64) ([]string, error) {
	if _, err := q.ExecContext(ctx, `DELETE FROM recovery_codes WHERE account_id = $1`, accountID); err != nil {
		return nil, fmt.Errorf("herstelcodes: %w", err)
	}
	codes := make([]string, RecoveryCodeCount)
	for i := range codes {
		codes[i] = newRecoveryCode()
		if _, err := q.ExecContext(ctx, `INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2)`,
			accountID, tokenHash(normalizeRecoveryCode(codes[i]))); err != nil {
			return nil, fmt.Errorf("herstelcodes: %w", err)
		}
	}
	return codes, nil
}

// useRecoveryCode marks an unused recovery code as used; only one caller
// can win the update, so a code works once.
func (s *Service) useRecoveryCode(ctx context.Context, q store.Querier, accountID int64, code string) (bool, error) {
	code = normalizeRecoveryCode(code)
	if len(code) != 16 {
		return false, nil
	}
	res, err := q.ExecContext(ctx, `UPDATE recovery_codes SET used_at = $1
		WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL`, s.now(), accountID, tokenHash(code))
	if err != nil {
		return false, fmt.Errorf("herstelcode: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// NewRecoveryCodes replaces the person's recovery codes (after a recent
// Reverify) and returns the new ones, to be shown once.
func (s *Service) NewRecoveryCodes(ctx context.Context, p *Principal) ([]string, error) {
	if p == nil {
		return nil, ErrNoSession
	}
	on, err := s.totpEnabled(ctx, p.AccountID)
	if err != nil {
		return nil, err
	}
	if !on {
		return nil, ErrTOTPNotEnabled
	}
	if !p.RecentlyVerified(s.now()) {
		return nil, ErrReverifyRequired
	}
	var codes []string
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if codes, err = s.replaceRecoveryCodes(ctx, tx, p.AccountID); err != nil {
			return err
		}
		return s.write(ctx, tx, p, audit.Event{OrgID: p.OrgID, Action: "recovery_codes.new",
			Object: "account", ObjectID: strconv.FormatInt(p.AccountID, 10)})
	})
	if err != nil {
		return nil, fmt.Errorf("herstelcodes: %w", err)
	}
	return codes, nil
}

// RecoveryCodesLeft is how many unused recovery codes the person has.
func (s *Service) RecoveryCodesLeft(ctx context.Context, p *Principal) (int, error) {
	if p == nil {
		return 0, ErrNoSession
	}
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL`,
		p.AccountID).Scan(&n)
	return n, err
}
