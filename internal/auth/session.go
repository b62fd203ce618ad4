package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
)

// Session is one logged-in browser, as its owner sees it in the list.
type Session struct {
	ID         int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	Current    bool
}

// newSession starts a session for the account and returns its token. It
// ends the account's pending login steps and records the login time.
func (s *Service) newSession(ctx context.Context, tx *sql.Tx, accountID int64) (string, error) {
	token, hash := newToken("")
	now := s.now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO sessions (account_id, token_hash, created_at, last_seen_at, verified_at)
		VALUES ($1, $2, $3, $3, $3)`, accountID, hash, now); err != nil {
		return "", fmt.Errorf("sessie: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM login_challenges WHERE account_id = $1`, accountID); err != nil {
		return "", fmt.Errorf("sessie: %w", err)
	}
	// Tidy this account's expired sessions while here.
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE account_id = $1 AND (last_seen_at < $2 OR created_at < $3)`,
		accountID, now.Add(-s.opts.IdleTimeout), now.Add(-s.opts.AbsoluteTimeout)); err != nil {
		return "", fmt.Errorf("sessie: %w", err)
	}
	_, err := tx.ExecContext(ctx, `UPDATE accounts SET last_login_at = $1 WHERE id = $2`, now, accountID)
	return token, err
}

// Authenticate returns the principal of a session token, or ErrNoSession
// when the token is unknown, idle too long, too old, or its account is
// disabled. It writes last-seen at most once a minute.
func (s *Service) Authenticate(ctx context.Context, token string) (*Principal, error) {
	if token == "" {
		return nil, ErrNoSession
	}
	var p Principal
	// Times that cannot be read are zero: the session counts as expired.
	var created, seen, verified store.Time
	var disabled bool
	err := s.db.QueryRowContext(ctx, `SELECT s.id, s.created_at, s.last_seen_at, s.verified_at,
		a.id, COALESCE(a.org_id, 0), a.role, a.name, a.email, a.disabled
		FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1`, tokenHash(token)).
		Scan(&p.SessionID, &created, &seen, &verified, &p.AccountID, &p.OrgID, &p.Role, &p.Name, &p.Email, &disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNoSession
	}
	if err != nil {
		return nil, fmt.Errorf("sessie: %w", err)
	}
	now := s.now()
	if disabled || created.Bad || seen.Bad || now.Sub(seen.T) >= s.opts.IdleTimeout || now.Sub(created.T) >= s.opts.AbsoluteTimeout {
		if _, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE id = $1`, p.SessionID); err != nil {
			return nil, fmt.Errorf("sessie: %w", err)
		}
		return nil, ErrNoSession
	}
	if now.Sub(seen.T) >= lastSeenPrecision {
		if _, err := s.db.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $1 WHERE id = $2`, now, p.SessionID); err != nil {
			return nil, fmt.Errorf("sessie: %w", err)
		}
	}
	p.VerifiedAt = verified.T
	return &p, nil
}

// Logout ends the session of token. An unknown token is not an error.
func (s *Service) Logout(ctx context.Context, token string) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		var id, account, org int64
		err := tx.QueryRowContext(ctx, `SELECT s.id, s.account_id, COALESCE(a.org_id, 0) FROM sessions s
			JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1`, tokenHash(token)).Scan(&id, &account, &org)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("uitloggen: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE id = $1`, id); err != nil {
			return fmt.Errorf("uitloggen: %w", err)
		}
		return s.audit.Write(ctx, tx, audit.Event{Actor: account, OrgID: org, Action: "logout",
			Object: "session", ObjectID: strconv.FormatInt(id, 10)})
	})
}

// LogoutEverywhere ends every session of the person, the current one too.
func (s *Service) LogoutEverywhere(ctx context.Context, p *Principal) error {
	if p == nil {
		return ErrNoSession
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.endSessions(ctx, tx, p.AccountID, 0); err != nil {
			return err
		}
		return s.write(ctx, tx, p, audit.Event{OrgID: p.OrgID, Action: "logout.everywhere",
			Object: "account", ObjectID: strconv.FormatInt(p.AccountID, 10)})
	})
}

// ListSessions lists the person's active sessions, newest first.
func (s *Service) ListSessions(ctx context.Context, p *Principal) ([]Session, error) {
	if p == nil {
		return nil, ErrNoSession
	}
	now := s.now()
	rows, err := s.db.QueryContext(ctx, `SELECT id, created_at, last_seen_at FROM sessions
		WHERE account_id = $1 AND last_seen_at >= $2 AND created_at >= $3 ORDER BY created_at DESC, id DESC`,
		p.AccountID, now.Add(-s.opts.IdleTimeout), now.Add(-s.opts.AbsoluteTimeout))
	if err != nil {
		return nil, fmt.Errorf("sessies: %w", err)
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		var x Session
		var created, seen store.Time
		if err := rows.Scan(&x.ID, &created, &seen); err != nil {
			return nil, fmt.Errorf("sessies: %w", err)
		}
		x.CreatedAt, x.LastSeenAt, x.Current = created.T, seen.T, x.ID == p.SessionID
		out = append(out, x)
	}
	return out, rows.Err()
}

// RevokeSession ends one of the person's own sessions.
func (s *Service) RevokeSession(ctx context.Context, p *Principal, sessionID int64) error {
	if p == nil {
		return ErrNoSession
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE id = $1 AND account_id = $2`, sessionID, p.AccountID)
		if err != nil {
			return fmt.Errorf("sessie %d: %w", sessionID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.write(ctx, tx, p, audit.Event{OrgID: p.OrgID, Action: "session.revoke",
			Object: "session", ObjectID: strconv.FormatInt(sessionID, 10)})
	})
}

// endSessions ends every session and pending login of the account except
// session keep (0: none kept).
func (s *Service) endSessions(ctx context.Context, q store.Querier, accountID, keep int64) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM sessions WHERE account_id = $1 AND id <> $2`, accountID, keep); err != nil {
		return fmt.Errorf("sessies beëindigen: %w", err)
	}
	if _, err := q.ExecContext(ctx, `DELETE FROM login_challenges WHERE account_id = $1`, accountID); err != nil {
		return fmt.Errorf("sessies beëindigen: %w", err)
	}
	return nil
}

// markVerified records that the actor just proved who they are in their
// current session (when acting on their own account).
func (s *Service) markVerified(ctx context.Context, q store.Querier, actor *Principal, accountID int64) error {
	if actor == nil || actor.AccountID != accountID || actor.SessionID == 0 {
		return nil
	}
	now := s.now()
	if _, err := q.ExecContext(ctx, `UPDATE sessions SET verified_at = $1 WHERE id = $2 AND account_id = $3`,
		now, actor.SessionID, accountID); err != nil {
		return fmt.Errorf("sessie bevestigen: %w", err)
	}
	actor.VerifiedAt = now
	return nil
}

// Prune deletes expired sessions, pending logins and old failure counts;
// run it now and then (each login also tidies its own account).
func (s *Service) Prune(ctx context.Context) error {
	now := s.now()
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2`, []any{now.Add(-s.opts.IdleTimeout), now.Add(-s.opts.AbsoluteTimeout)}},
		{`DELETE FROM login_challenges WHERE expires_at < $1`, []any{now}},
		{`DELETE FROM login_failures WHERE at < $1`, []any{now.Add(-FailureWindow)}},
	} {
		if _, err := s.db.ExecContext(ctx, q.sql, q.args...); err != nil {
			return fmt.Errorf("opruimen: %w", err)
		}
	}
	return nil
}
