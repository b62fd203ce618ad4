package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
)

// challenge is the pending step between password and second factor.
type challenge struct {
	id, account, org int64
	email            string
	setup            bool
}

func (s *Service) newChallenge(ctx context.Context, tx *sql.Tx, accountID int64, setup bool) (string, error) {
	token, hash := newToken("")
	if _, err := tx.ExecContext(ctx, `DELETE FROM login_challenges WHERE account_id = $1`, accountID); err != nil {
		return "", fmt.Errorf("tweede stap: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO login_challenges (account_id, token_hash, setup, expires_at)
		VALUES ($1, $2, $3, $4)`, accountID, hash, setup, s.now().Add(ChallengeLifetime)); err != nil {
		return "", fmt.Errorf("tweede stap: %w", err)
	}
	return token, nil
}

// challenge returns the live pending step of token, of the kind wanted.
func (s *Service) challenge(ctx context.Context, pending string, setup bool) (challenge, error) {
	var c challenge
	var expires store.Time // unreadable: zero, so expired
	var disabled bool
	err := s.db.QueryRowContext(ctx, `SELECT c.id, c.account_id, COALESCE(a.org_id, 0), a.email, c.setup, c.expires_at, a.disabled
		FROM login_challenges c JOIN accounts a ON a.id = c.account_id WHERE c.token_hash = $1`, tokenHash(pending)).
		Scan(&c.id, &c.account, &c.org, &c.email, &c.setup, &expires, &disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNoSession
	}
	if err != nil {
		return c, fmt.Errorf("tweede stap: %w", err)
	}
	if disabled || c.setup != setup || !s.now().Before(expires.T) {
		return c, ErrNoSession
	}
	return c, nil
}

// LoginTOTP completes a login with a TOTP code or a recovery code and
// returns the session token. A wrong code counts as a failed login; after
// a few the pending token ends and the login starts over.
func (s *Service) LoginTOTP(ctx context.Context, pending, code, remoteAddr string) (string, error) {
	c, err := s.challenge(ctx, pending, false)
	if err != nil {
		return "", err
	}
	acct, addr, err := s.subjects(ctx, c.email, remoteAddr)
	if err != nil {
		return "", err
	}
	if err := s.refuseWhenLimited(ctx, c.account, c.org, accountLimit(acct), addressLimit(addr)); err != nil {
		return "", err
	}
	var session string
	var wrong bool
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		factor, ok, err := s.checkSecondFactor(ctx, tx, c.account, code)
		if err != nil {
			return err
		}
		if !ok {
			wrong = true
			return s.challengeFailed(ctx, tx, c, acct, addr)
		}
		if err := s.clearFailures(ctx, tx, acct); err != nil {
			return err
		}
		if session, err = s.newSession(ctx, tx, c.account); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, audit.Event{Actor: c.account, OrgID: c.org, Action: "login",
			Object: "account", ObjectID: idString(c.account), Detail: "factors=password," + factor})
	})
	if err != nil {
		return "", fmt.Errorf("inloggen: %w", err)
	}
	if wrong {
		return "", ErrInvalidCode
	}
	return session, nil
}

// challengeFailed counts a wrong code against the address and the pending
// token, ending the token after maxChallengeTries.
func (s *Service) challengeFailed(ctx context.Context, tx *sql.Tx, c challenge, subjects ...string) error {
	if err := s.recordFailure(ctx, tx, subjects...); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE login_challenges SET failures = failures + 1 WHERE id = $1`, c.id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM login_challenges WHERE id = $1 AND failures >= $2`, c.id, maxChallengeTries); err != nil {
		return err
	}
	return s.audit.Write(ctx, tx, audit.Event{Actor: c.account, OrgID: c.org, Action: "login.failed",
		Object: "account", ObjectID: idString(c.account), Detail: "reason=wrong_code"})
}

// BeginTOTPSetup starts the set-up of TOTP for a role that must have it,
// with the pending token from Login (NeedsTOTPSetup). The secret goes back
// to ConfirmTOTPSetup together with the first code.
func (s *Service) BeginTOTPSetup(ctx context.Context, pending string) (secret, otpauthURL string, err error) {
	c, err := s.challenge(ctx, pending, true)
	if err != nil {
		return "", "", err
	}
	return newTOTPKey(c.email)
}

// ConfirmTOTPSetup finishes the set-up started by BeginTOTPSetup: when the
// code fits the secret, TOTP is on, the login completes and the recovery
// codes are returned (to be shown once).
func (s *Service) ConfirmTOTPSetup(ctx context.Context, pending, secret, code, remoteAddr string) (session string, recoveryCodes []string, err error) {
	c, err := s.challenge(ctx, pending, true)
	if err != nil {
		return "", nil, err
	}
	acct, addr, err := s.subjects(ctx, c.email, remoteAddr)
	if err != nil {
		return "", nil, err
	}
	if err := s.refuseWhenLimited(ctx, c.account, c.org, accountLimit(acct), addressLimit(addr)); err != nil {
		return "", nil, err
	}
	step, ok := matchTOTP(secret, code, s.now(), 0)
	if !ok {
		err := s.db.Tx(ctx, func(tx *sql.Tx) error { return s.challengeFailed(ctx, tx, c, acct, addr) })
		if err != nil {
			return "", nil, fmt.Errorf("tweede factor: %w", err)
		}
		return "", nil, ErrInvalidCode
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		// Use the pending token up first: of two confirmations at once,
		// only one sets up TOTP and gets a session.
		res, err := tx.ExecContext(ctx, `DELETE FROM login_challenges WHERE id = $1`, c.id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errors.Join(ErrNoSession, err)
		}
		if recoveryCodes, err = s.enableTOTP(ctx, tx, nil, c.account, c.org, secret, step); err != nil {
			return err
		}
		if err := s.clearFailures(ctx, tx, acct); err != nil {
			return err
		}
		if session, err = s.newSession(ctx, tx, c.account); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, audit.Event{Actor: c.account, OrgID: c.org, Action: "login",
			Object: "account", ObjectID: idString(c.account), Detail: "factors=password,totp_setup"})
	})
	if err != nil {
		return "", nil, fmt.Errorf("tweede factor: %w", err)
	}
	return session, recoveryCodes, nil
}
