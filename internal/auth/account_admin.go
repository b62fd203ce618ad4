package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"weerbaar/internal/audit"
	"weerbaar/internal/valid"
)

// SetRole gives the account a new role and organisation. The actor must
// be allowed to change the account as it is and as it will be. Every
// session of the account ends.
func (s *Service) SetRole(ctx context.Context, actor *Principal, accountID int64, role Role, orgID int64) error {
	a, err := s.account(ctx, s.db, accountID)
	if err != nil {
		return s.notFound(ctx, actor, accountID, err)
	}
	if actor != nil && (!Allowed(actor, ActionChangeRole, Target{AccountID: a.ID, OrgID: a.OrgID, Role: a.Role}) ||
		!Allowed(actor, ActionChangeRole, Target{AccountID: a.ID, OrgID: orgID, Role: role})) {
		return s.denied(ctx, actor, ActionChangeRole, a.OrgID, strconv.FormatInt(a.ID, 10))
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		v := &valid.Error{}
		if err := s.checkRoleOrg(ctx, tx, v, role, orgID); err != nil {
			return err
		}
		if err := v.Err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET role = $1, org_id = $2 WHERE id = $3`,
			string(role), nullOrg(orgID), a.ID); err != nil {
			return err
		}
		if err := s.endSessions(ctx, tx, a.ID, 0); err != nil {
			return err
		}
		return s.write(ctx, tx, actor, audit.Event{OrgID: orgID, Action: "account.role", Object: "account",
			ObjectID: strconv.FormatInt(a.ID, 10),
			Detail:   fmt.Sprintf("from=%s org=%d to=%s org=%d", a.Role, a.OrgID, role, orgID)})
	})
	if err != nil {
		return fmt.Errorf("rol van account %d: %w", accountID, err)
	}
	return nil
}

// Disable disables the account: it cannot log in, its sessions end and
// its API tokens stop working.
func (s *Service) Disable(ctx context.Context, actor *Principal, accountID int64) error {
	a, err := s.account(ctx, s.db, accountID)
	if err != nil {
		return s.notFound(ctx, actor, accountID, err)
	}
	if actor != nil && !Allowed(actor, ActionDisableAccount, Target{AccountID: a.ID, OrgID: a.OrgID, Role: a.Role}) {
		return s.denied(ctx, actor, ActionDisableAccount, a.OrgID, strconv.FormatInt(a.ID, 10))
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET disabled = TRUE WHERE id = $1`, a.ID); err != nil {
			return err
		}
		if err := s.endSessions(ctx, tx, a.ID, 0); err != nil {
			return err
		}
		return s.write(ctx, tx, actor, audit.Event{OrgID: a.OrgID, Action: "account.disable",
			Object: "account", ObjectID: strconv.FormatInt(a.ID, 10)})
	})
	if err != nil {
		return fmt.Errorf("account %d uitschakelen: %w", accountID, err)
	}
	return nil
}

// Enable enables a disabled account again, with the same policy as
// Disable. The person logs in anew: the sessions that disabling ended stay
// ended, and API tokens made before stay revoked, so nothing that was cut
// off (perhaps because it leaked) comes back by itself. Enabling an
// account that is not disabled changes nothing and writes no audit row.
func (s *Service) Enable(ctx context.Context, actor *Principal, accountID int64) error {
	a, err := s.account(ctx, s.db, accountID)
	if err != nil {
		return s.notFound(ctx, actor, accountID, err)
	}
	if actor != nil && !Allowed(actor, ActionEnableAccount, Target{AccountID: a.ID, OrgID: a.OrgID, Role: a.Role}) {
		return s.denied(ctx, actor, ActionEnableAccount, a.OrgID, strconv.FormatInt(a.ID, 10))
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE accounts SET disabled = FALSE WHERE id = $1 AND disabled = TRUE`, a.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // already enabled: nothing to do
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL`,
			s.now(), a.ID); err != nil {
			return err
		}
		return s.write(ctx, tx, actor, audit.Event{OrgID: a.OrgID, Action: "account.enable",
			Object: "account", ObjectID: strconv.FormatInt(a.ID, 10)})
	})
	if err != nil {
		return fmt.Errorf("account %d inschakelen: %w", accountID, err)
	}
	return nil
}

// SetPassword sets the account's password without the old one (command
// line, beheerder). Every session of the account ends, except the actor's
// own current session when it is the actor's own account.
func (s *Service) SetPassword(ctx context.Context, actor *Principal, accountID int64, pw string) error {
	a, err := s.account(ctx, s.db, accountID)
	if err != nil {
		return s.notFound(ctx, actor, accountID, err)
	}
	if actor != nil && !Allowed(actor, ActionSetPassword, Target{AccountID: a.ID, OrgID: a.OrgID, Role: a.Role}) {
		return s.denied(ctx, actor, ActionSetPassword, a.OrgID, strconv.FormatInt(a.ID, 10))
	}
	return s.storePassword(ctx, actor, a, pw, "password.set")
}

// ChangePassword changes the person's own password; the current one is
// asked (and counts as a failed attempt when wrong). Other sessions end;
// the current one stays and counts as freshly verified.
func (s *Service) ChangePassword(ctx context.Context, p *Principal, current, next string) error {
	if p == nil {
		return ErrNoSession
	}
	if err := s.checkOwnPassword(ctx, p, current); err != nil {
		return err
	}
	a, err := s.account(ctx, s.db, p.AccountID)
	if err != nil {
		return err
	}
	return s.storePassword(ctx, p, a, next, "password.change")
}

func (s *Service) storePassword(ctx context.Context, actor *Principal, a Account, pw, action string) error {
	v := &valid.Error{}
	CheckPassword(v, pw, a.Email, a.Name)
	if err := v.Err(); err != nil {
		return err
	}
	hash, err := s.hashPassword(ctx, pw)
	if err != nil {
		return err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = $1, password_changed_at = $2 WHERE id = $3`,
			hash, s.now(), a.ID); err != nil {
			return err
		}
		if err := s.endSessions(ctx, tx, a.ID, ownSession(actor, a.ID)); err != nil {
			return err
		}
		if err := s.markVerified(ctx, tx, actor, a.ID); err != nil {
			return err
		}
		return s.write(ctx, tx, actor, audit.Event{OrgID: a.OrgID, Action: action,
			Object: "account", ObjectID: strconv.FormatInt(a.ID, 10)})
	})
	if err != nil {
		return fmt.Errorf("wachtwoord van account %d: %w", a.ID, err)
	}
	return nil
}

// ownSession is the actor's current session when they change their own
// account (it stays), and 0 otherwise (every session ends).
func ownSession(actor *Principal, accountID int64) int64 {
	if actor != nil && actor.AccountID == accountID {
		return actor.SessionID
	}
	return 0
}

// notFound turns a missing account into ErrForbidden for everyone but a
// beheerder or the system, so ids cannot be probed.
func (s *Service) notFound(ctx context.Context, actor *Principal, id int64, err error) error {
	if errors.Is(err, ErrNotFound) && actor != nil && actor.Role != RoleAdmin {
		return s.denied(ctx, actor, "account.lookup", 0, strconv.FormatInt(id, 10))
	}
	return fmt.Errorf("account %d: %w", id, err)
}
