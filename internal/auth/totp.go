package auth

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"encoding/base32"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
)

// TOTP as RFC 6238 and every authenticator app expect it: 30-second
// steps, 6 digits, HMAC-SHA1, one step of clock skew either way.
const (
	totpPeriod     = 30
	totpSecretSize = 20
	totpIssuer     = "Weerbaar"
)

func newTOTPKey(email string) (secret, otpauthURL string, err error) {
	k, err := totp.Generate(totp.GenerateOpts{Issuer: totpIssuer, AccountName: email, Period: totpPeriod,
		SecretSize: totpSecretSize, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		return "", "", fmt.Errorf("tweede factor: %w", err)
	}
	return k.Secret(), k.URL(), nil
}

// matchTOTP returns the time step at which code is valid for secret, within
// one step of now and later than lastStep (each code works once).
func matchTOTP(secret, code string, now time.Time, lastStep int64) (int64, bool) {
	code = strings.ReplaceAll(code, " ", "")
	raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.ToUpper(secret))
	if err != nil || len(raw) < totpSecretSize || len(code) != 6 {
		return 0, false
	}
	cur := now.Unix() / totpPeriod
	for _, step := range []int64{cur - 1, cur, cur + 1} {
		if step <= lastStep {
			continue
		}
		want, err := hotp.GenerateCodeCustom(secret, uint64(step), hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return step, true
		}
	}
	return 0, false
}

// isTOTPCode tells a 6-digit code from a recovery code.
func isTOTPCode(code string) bool {
	code = strings.ReplaceAll(code, " ", "")
	if len(code) != 6 {
		return false
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// checkSecondFactor checks a TOTP or recovery code and uses it up.
func (s *Service) checkSecondFactor(ctx context.Context, tx *sql.Tx, accountID int64, code string) (factor string, ok bool, err error) {
	if isTOTPCode(code) {
		ok, err = s.checkTOTP(ctx, tx, accountID, code)
		return "totp", ok, err
	}
	ok, err = s.useRecoveryCode(ctx, tx, accountID, code)
	return "recovery_code", ok, err
}

// checkTOTP checks code against the account's secret and records its step,
// so the same code (or an earlier one) is refused next time, also by
// another app server at the same moment.
func (s *Service) checkTOTP(ctx context.Context, q store.Querier, accountID int64, code string) (bool, error) {
	var sealed []byte
	var keyID, last int64
	var enabled bool
	err := q.QueryRowContext(ctx, `SELECT totp_secret, totp_key_id, totp_last_step, totp_enabled FROM accounts WHERE id = $1`,
		accountID).Scan(&sealed, &keyID, &last, &enabled)
	if err != nil || !enabled {
		return false, err
	}
	secret, err := s.openSecret(ctx, q, accountID, sealed)
	if err != nil {
		return false, err
	}
	step, ok := matchTOTP(secret, code, s.now(), last)
	if !ok {
		return false, nil
	}
	res, err := q.ExecContext(ctx, `UPDATE accounts SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1`, step, accountID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func totpAAD(accountID int64) string {
	return "accounts.totp_secret:" + strconv.FormatInt(accountID, 10)
}

// errNoVault is returned when TOTP is set up on a service without vault:
// secrets are never stored unencrypted.
var errNoVault = errors.New("tweede factor: geen kluis (vault) ingesteld om het geheim versleuteld te bewaren")

// sealSecret encrypts the TOTP secret with a new data key of its own, so
// a reset can erase the key and with it the secret.
func (s *Service) sealSecret(ctx context.Context, q store.Querier, accountID int64, secret string) (int64, []byte, error) {
	if s.opts.Vault == nil {
		return 0, nil, errNoVault
	}
	keyID, err := s.opts.Vault.NewKey(ctx, q)
	if err != nil {
		return 0, nil, fmt.Errorf("tweede factor: %w", err)
	}
	sealed, err := s.opts.Vault.SealString(ctx, q, keyID, secret, totpAAD(accountID))
	return keyID, sealed, err
}

func (s *Service) openSecret(ctx context.Context, q store.Querier, accountID int64, sealed []byte) (string, error) {
	if s.opts.Vault == nil {
		return "", errNoVault
	}
	return s.opts.Vault.OpenString(ctx, q, sealed, totpAAD(accountID))
}

// eraseSecret destroys the data key of the account's old TOTP secret.
func (s *Service) eraseSecret(ctx context.Context, q store.Querier, accountID int64) error {
	var keyID int64
	if err := q.QueryRowContext(ctx, `SELECT totp_key_id FROM accounts WHERE id = $1`, accountID).Scan(&keyID); err != nil {
		return fmt.Errorf("tweede factor: %w", err)
	}
	if keyID == 0 || s.opts.Vault == nil {
		return nil
	}
	return s.opts.Vault.Erase(ctx, q, keyID)
}

// enableTOTP stores the secret, marks step as used, replaces the recovery
// codes and ends the account's other sessions (its factors changed).
func (s *Service) enableTOTP(ctx context.Context, tx *sql.Tx, actor *Principal, accountID, org int64, secret string, step int64) ([]string, error) {
	if err := s.eraseSecret(ctx, tx, accountID); err != nil {
		return nil, err
	}
	keyID, sealed, err := s.sealSecret(ctx, tx, accountID, secret)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET totp_secret = $1, totp_key_id = $2, totp_last_step = $3,
		totp_enabled = TRUE WHERE id = $4`, sealed, keyID, step, accountID); err != nil {
		return nil, err
	}
	codes, err := s.replaceRecoveryCodes(ctx, tx, accountID)
	if err != nil {
		return nil, err
	}
	if err := s.endSessions(ctx, tx, accountID, ownSession(actor, accountID)); err != nil {
		return nil, err
	}
	if err := s.markVerified(ctx, tx, actor, accountID); err != nil {
		return nil, err
	}
	return codes, s.audit.Write(ctx, tx, audit.Event{Actor: accountID, OrgID: org, Action: "totp.set",
		Object: "account", ObjectID: strconv.FormatInt(accountID, 10)})
}

// totpState reads whether the account has TOTP on.
func (s *Service) totpEnabled(ctx context.Context, accountID int64) (bool, error) {
	var on bool
	err := s.db.QueryRowContext(ctx, `SELECT totp_enabled FROM accounts WHERE id = $1`, accountID).Scan(&on)
	if errors.Is(err, sql.ErrNoRows) {
		return false, ErrNoSession
	}
	return on, err
}

// BeginTOTP starts setting up (or replacing) the person's own TOTP. The
// secret and the otpauth:// URL (for a QR code) are not stored yet; the
// secret comes back with the first code to ConfirmTOTP. Replacing an
// existing second factor asks for a recent Reverify.
func (s *Service) BeginTOTP(ctx context.Context, p *Principal) (secret, otpauthURL string, err error) {
	if err := s.mayChangeTOTP(ctx, p); err != nil {
		return "", "", err
	}
	return newTOTPKey(p.Email)
}

// ConfirmTOTP turns TOTP on with the secret from BeginTOTP when code fits
// it, and returns new recovery codes (to be shown once). The person's
// other sessions end; the current one stays.
func (s *Service) ConfirmTOTP(ctx context.Context, p *Principal, secret, code string) (recoveryCodes []string, err error) {
	if err := s.mayChangeTOTP(ctx, p); err != nil {
		return nil, err
	}
	step, ok := matchTOTP(secret, code, s.now(), 0)
	if !ok {
		return nil, ErrInvalidCode
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		recoveryCodes, err = s.enableTOTP(ctx, tx, p, p.AccountID, p.OrgID, secret, step)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("tweede factor: %w", err)
	}
	return recoveryCodes, nil
}

func (s *Service) mayChangeTOTP(ctx context.Context, p *Principal) error {
	if p == nil {
		return ErrNoSession
	}
	on, err := s.totpEnabled(ctx, p.AccountID)
	if err != nil {
		return err
	}
	if on && !p.RecentlyVerified(s.now()) {
		return ErrReverifyRequired
	}
	return nil
}

// ResetTOTP removes an account's second factor and recovery codes: a
// beheerder for someone who lost their phone, or a person for themselves
// (after a recent Reverify). Staff roles must set it up again at their
// next login. The account's sessions end, except the person's own current
// one when they reset their own.
func (s *Service) ResetTOTP(ctx context.Context, actor *Principal, accountID int64) error {
	a, err := s.account(ctx, s.db, accountID)
	if err != nil {
		return s.notFound(ctx, actor, accountID, err)
	}
	self := actor != nil && actor.AccountID == accountID
	switch {
	case self && !actor.RecentlyVerified(s.now()):
		return ErrReverifyRequired
	case actor != nil && !self && !Allowed(actor, ActionResetTOTP, Target{AccountID: a.ID, OrgID: a.OrgID, Role: a.Role}):
		return s.denied(ctx, actor, ActionResetTOTP, a.OrgID, strconv.FormatInt(a.ID, 10))
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.eraseSecret(ctx, tx, a.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET totp_secret = NULL, totp_key_id = 0, totp_enabled = FALSE
			WHERE id = $1`, a.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM recovery_codes WHERE account_id = $1`, a.ID); err != nil {
			return err
		}
		if err := s.endSessions(ctx, tx, a.ID, ownSession(actor, a.ID)); err != nil {
			return err
		}
		return s.write(ctx, tx, actor, audit.Event{OrgID: a.OrgID, Action: "totp.reset",
			Object: "account", ObjectID: strconv.FormatInt(a.ID, 10)})
	})
	if err != nil {
		return fmt.Errorf("tweede factor van account %d: %w", accountID, err)
	}
	return nil
}
