package auth

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"weerbaar/internal/audit"
)

// Reverify checks the person's password or a TOTP code again and, when it
// fits, records in the session that they were verified just now (see
// Principal.RecentlyVerified); p.VerifiedAt is updated too. A wrong answer
// counts as a failed login for the account.
func (s *Service) Reverify(ctx context.Context, p *Principal, passwordOrCode string) error {
	if p == nil {
		return ErrNoSession
	}
	on, err := s.totpEnabled(ctx, p.AccountID)
	if err != nil {
		return err
	}
	if on && isTOTPCode(passwordOrCode) {
		return s.reverifyTOTP(ctx, p, passwordOrCode)
	}
	return s.checkOwnPassword(ctx, p, passwordOrCode)
}

func (s *Service) reverifyTOTP(ctx context.Context, p *Principal, code string) error {
	acct, _, err := s.subjects(ctx, p.Email, "")
	if err != nil {
		return err
	}
	if err := s.refuseWhenLimited(ctx, p.AccountID, p.OrgID, accountLimit(acct)); err != nil {
		return err
	}
	var ok bool
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if ok, err = s.checkTOTP(ctx, tx, p.AccountID, code); err != nil || !ok {
			return err
		}
		return s.verified(ctx, tx, p, "totp")
	})
	if err != nil {
		return fmt.Errorf("bevestigen: %w", err)
	}
	if !ok {
		return s.reverifyFailed(ctx, p, acct)
	}
	return nil
}

// checkOwnPassword checks the person's password and marks the session
// verified, or counts a failure and returns ErrInvalidCredentials.
func (s *Service) checkOwnPassword(ctx context.Context, p *Principal, pw string) error {
	acct, _, err := s.subjects(ctx, p.Email, "")
	if err != nil {
		return err
	}
	if err := s.refuseWhenLimited(ctx, p.AccountID, p.OrgID, accountLimit(acct)); err != nil {
		return err
	}
	var hash string
	var disabled bool
	if err := s.db.QueryRowContext(ctx, `SELECT password_hash, disabled FROM accounts WHERE id = $1`,
		p.AccountID).Scan(&hash, &disabled); err != nil {
		return fmt.Errorf("bevestigen: %w", err)
	}
	ok, _, err := s.verifyPassword(ctx, hash, pw)
	if err != nil {
		return fmt.Errorf("bevestigen: %w", err)
	}
	if !ok || disabled {
		return s.reverifyFailed(ctx, p, acct)
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error { return s.verified(ctx, tx, p, "password") })
}

func (s *Service) verified(ctx context.Context, tx *sql.Tx, p *Principal, factor string) error {
	if err := s.markVerified(ctx, tx, p, p.AccountID); err != nil {
		return err
	}
	return s.write(ctx, tx, p, audit.Event{OrgID: p.OrgID, Action: "reverify", Object: "account",
		ObjectID: strconv.FormatInt(p.AccountID, 10), Detail: "factor=" + factor})
}

func (s *Service) reverifyFailed(ctx context.Context, p *Principal, acct string) error {
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.recordFailure(ctx, tx, acct); err != nil {
			return err
		}
		return s.write(ctx, tx, p, audit.Event{OrgID: p.OrgID, Action: "reverify.failed", Object: "account",
			ObjectID: strconv.FormatInt(p.AccountID, 10)})
	})
	if err != nil {
		return fmt.Errorf("bevestigen: %w", err)
	}
	return ErrInvalidCredentials
}
