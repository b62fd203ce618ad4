package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// APITokenPrefix starts every personal API token, so a leaked token is
// easy to recognise (and to scan for).
const APITokenPrefix = "wb_"

// APIToken is a personal API token as its owner sees it in the list; the
// token itself is shown only once, at creation.
type APIToken struct {
	ID         int64
	Name       string
	Hint       string // the first characters, to tell tokens apart
	CreatedAt  time.Time
	LastUsedAt time.Time // zero when never used
}

// CreateAPIToken creates a personal API token for the person. It acts with
// the owner's role and organisation as they are when it is used.
func (s *Service) CreateAPIToken(ctx context.Context, p *Principal, name string) (string, APIToken, error) {
	if p == nil {
		return "", APIToken{}, ErrNoSession
	}
	name = strings.TrimSpace(name)
	v := &valid.Error{}
	checkName(v, name)
	if err := v.Err(); err != nil {
		return "", APIToken{}, err
	}
	token, hash := newToken(APITokenPrefix)
	t := APIToken{Name: name, Hint: token[:len(APITokenPrefix)+4], CreatedAt: s.now()}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO api_tokens (account_id, name, token_hash, hint, created_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, p.AccountID, t.Name, hash, t.Hint, t.CreatedAt).Scan(&t.ID); err != nil {
			return err
		}
		return s.write(ctx, tx, p, audit.Event{OrgID: p.OrgID, Action: "api_token.create", Object: "api_token",
			ObjectID: strconv.FormatInt(t.ID, 10), Detail: "name=" + t.Name})
	})
	if err != nil {
		return "", APIToken{}, fmt.Errorf("API-token: %w", err)
	}
	return token, t, nil
}

// ListAPITokens lists the person's tokens that are not revoked, newest first.
func (s *Service) ListAPITokens(ctx context.Context, p *Principal) ([]APIToken, error) {
	if p == nil {
		return nil, ErrNoSession
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, hint, created_at, last_used_at FROM api_tokens
		WHERE account_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id DESC`, p.AccountID)
	if err != nil {
		return nil, fmt.Errorf("API-tokens: %w", err)
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		var t APIToken
		var created, used store.Time
		if err := rows.Scan(&t.ID, &t.Name, &t.Hint, &created, &used); err != nil {
			return nil, fmt.Errorf("API-tokens: %w", err)
		}
		t.CreatedAt, t.LastUsedAt = created.T, used.T
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeAPIToken revokes one of the person's own tokens.
func (s *Service) RevokeAPIToken(ctx context.Context, p *Principal, tokenID int64) error {
	if p == nil {
		return ErrNoSession
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1
			WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL`, s.now(), tokenID, p.AccountID)
		if err != nil {
			return fmt.Errorf("API-token %d: %w", tokenID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.write(ctx, tx, p, audit.Event{OrgID: p.OrgID, Action: "api_token.revoke", Object: "api_token",
			ObjectID: strconv.FormatInt(tokenID, 10)})
	})
}

// AuthenticateAPIToken returns the principal of an API token: the owner
// with their current role and organisation, never recently verified (the
// most sensitive views need a session). Unknown, revoked tokens and those
// of disabled accounts give ErrNoSession. Last use is written at most once
// a minute.
func (s *Service) AuthenticateAPIToken(ctx context.Context, token string) (*Principal, error) {
	if !strings.HasPrefix(token, APITokenPrefix) || utf8.RuneCountInString(token) > 100 {
		return nil, ErrNoSession
	}
	var p Principal
	var id int64
	var used store.Time
	var revoked, disabled bool
	err := s.db.QueryRowContext(ctx, `SELECT t.id, t.last_used_at, t.revoked_at IS NOT NULL,
		a.id, COALESCE(a.org_id, 0), a.role, a.name, a.email, a.disabled
		FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = $1`, tokenHash(token)).
		Scan(&id, &used, &revoked, &p.AccountID, &p.OrgID, &p.Role, &p.Name, &p.Email, &disabled)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (revoked || disabled)) {
		return nil, ErrNoSession
	}
	if err != nil {
		return nil, fmt.Errorf("API-token: %w", err)
	}
	if now := s.now(); used.T.IsZero() || now.Sub(used.T) >= lastSeenPrecision {
		if _, err := s.db.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2`, now, id); err != nil {
			return nil, fmt.Errorf("API-token: %w", err)
		}
	}
	return &p, nil
}
