package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"weerbaar/internal/audit"
)

// LoginStep is where a login stands after the password.
type LoginStep struct {
	// Session is the session token when the login is complete.
	Session string
	// Pending is a short-lived token for the second step: LoginTOTP when
	// NeedsTOTP, BeginTOTPSetup/ConfirmTOTPSetup when NeedsTOTPSetup.
	Pending        string
	NeedsTOTP      bool
	NeedsTOTPSetup bool
	// OfferTOTP is true for an ambtsdrager without a second factor: they
	// are logged in and may be offered to set one up.
	OfferTOTP bool
}

// loginAccount is what Login needs of an account.
type loginAccount struct {
	id, org  int64
	role     Role
	hash     string
	disabled bool
	totp     bool
}

// Login checks an e-mail address and password. Unknown address, wrong
// password and disabled account all return ErrInvalidCredentials after the
// same argon2 work; too many failures for the address or from the network
// address return ErrRateLimited until the window has passed.
func (s *Service) Login(ctx context.Context, email, password, remoteAddr string) (LoginStep, error) {
	acct, addr, err := s.subjects(ctx, email, remoteAddr)
	if err != nil {
		return LoginStep{}, err
	}
	a, found, err := s.loginAccount(ctx, email)
	if err != nil {
		return LoginStep{}, err
	}
	if err := s.refuseWhenLimited(ctx, a.id, a.org, accountLimit(acct), addressLimit(addr)); err != nil {
		return LoginStep{}, err
	}
	hash := a.hash
	if !found {
		hash = s.dummy
	}
	ok, weaker, err := s.verifyPassword(ctx, hash, password)
	if err != nil {
		return LoginStep{}, fmt.Errorf("inloggen: %w", err)
	}
	reason := ""
	switch {
	case !found:
		reason = "unknown_email"
	case !ok:
		reason = "wrong_password"
	case a.disabled:
		reason = "disabled"
	}
	if reason != "" {
		return LoginStep{}, s.loginFailed(ctx, a.id, a.org, reason, acct, addr)
	}
	if weaker {
		s.rehash(ctx, a.id, password)
	}
	return s.passwordAccepted(ctx, a, acct)
}

func (s *Service) loginAccount(ctx context.Context, email string) (loginAccount, bool, error) {
	var a loginAccount
	err := s.db.QueryRowContext(ctx, `SELECT id, COALESCE(org_id, 0), role, password_hash, disabled, totp_enabled
		FROM accounts WHERE email_key = $1`, emailKey(email)).Scan(&a.id, &a.org, &a.role, &a.hash, &a.disabled, &a.totp)
	if errors.Is(err, sql.ErrNoRows) {
		return loginAccount{}, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("inloggen: %w", err)
	}
	return a, true, nil
}

// refuseWhenLimited returns ErrRateLimited (and audits it) when a limit
// is reached.
func (s *Service) refuseWhenLimited(ctx context.Context, accountID, org int64, ls ...limit) error {
	hit, which, err := s.limited(ctx, s.db, ls...)
	if err != nil || !hit {
		return err
	}
	if err := s.audit.WriteNow(ctx, audit.Event{Actor: accountID, OrgID: org, Action: "login.rate_limited",
		Object: "account", ObjectID: idString(accountID), Detail: "limit=" + which}); err != nil {
		return err
	}
	return ErrRateLimited
}

// loginFailed counts and audits a failed attempt (the reason, never the
// password or the address) and returns ErrInvalidCredentials.
func (s *Service) loginFailed(ctx context.Context, accountID, org int64, reason string, subjects ...string) error {
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.recordFailure(ctx, tx, subjects...); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, audit.Event{Actor: accountID, OrgID: org, Action: "login.failed",
			Object: "account", ObjectID: idString(accountID), Detail: "reason=" + reason})
	})
	if err != nil {
		return fmt.Errorf("inloggen: %w", err)
	}
	return ErrInvalidCredentials
}

// passwordAccepted decides the next step after a correct password.
func (s *Service) passwordAccepted(ctx context.Context, a loginAccount, acct string) (LoginStep, error) {
	var step LoginStep
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.clearFailures(ctx, tx, acct); err != nil {
			return err
		}
		next := ""
		var err error
		switch {
		case a.totp:
			next, step.NeedsTOTP = "totp", true
			step.Pending, err = s.newChallenge(ctx, tx, a.id, false)
		case a.role.NeedsSecondFactor():
			next, step.NeedsTOTPSetup = "totp_setup", true
			step.Pending, err = s.newChallenge(ctx, tx, a.id, true)
		default:
			step.OfferTOTP = true
			if step.Session, err = s.newSession(ctx, tx, a.id); err != nil {
				return err
			}
			return s.audit.Write(ctx, tx, audit.Event{Actor: a.id, OrgID: a.org, Action: "login",
				Object: "account", ObjectID: idString(a.id), Detail: "factors=password"})
		}
		if err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, audit.Event{Actor: a.id, OrgID: a.org, Action: "login.password_ok",
			Object: "account", ObjectID: idString(a.id), Detail: "next=" + next})
	})
	if err != nil {
		return LoginStep{}, fmt.Errorf("inloggen: %w", err)
	}
	return step, nil
}

// rehash replaces a hash made with weaker parameters; a failure only
// means it is tried again at the next login.
func (s *Service) rehash(ctx context.Context, accountID int64, password string) {
	if h, err := s.hashPassword(ctx, password); err == nil {
		s.db.ExecContext(ctx, `UPDATE accounts SET password_hash = $1 WHERE id = $2`, h, accountID)
	}
}

func idString(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}
