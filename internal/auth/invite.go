package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// InvitationLifetime is how long an invitation link works.
const InvitationLifetime = 7 * 24 * time.Hour

// Why an invitation link no longer works. The edge tells the person in
// Dutch what to do (ask the inviter for a new link).
var (
	ErrInvitationUnknown = errors.New("auth: uitnodiging onbekend")
	ErrInvitationExpired = errors.New("auth: uitnodiging verlopen")
	ErrInvitationUsed    = errors.New("auth: uitnodiging al gebruikt")
	ErrInvitationRevoked = errors.New("auth: uitnodiging ingetrokken")
)

// NewInvitation is who is invited, with which role, for which organisation.
type NewInvitation struct {
	Email string
	Name  string
	Role  Role
	OrgID int64
}

// Invitation is an invitation as the inviter sees it. The link's token is
// returned only once, by Invite; the database holds only its hash.
type Invitation struct {
	ID         int64
	Email      string
	Name       string
	Role       Role
	OrgID      int64
	OrgCode    string
	OrgName    string
	InvitedBy  int64
	CreatedAt  time.Time
	ExpiresAt  time.Time
	AcceptedAt time.Time // zero until accepted
	RevokedAt  time.Time // zero unless revoked
}

// state is the reason the invitation no longer works at now, or nil.
func (i Invitation) state(now time.Time) error {
	switch {
	case !i.AcceptedAt.IsZero():
		return ErrInvitationUsed
	case !i.RevokedAt.IsZero():
		return ErrInvitationRevoked
	case !now.Before(i.ExpiresAt):
		return ErrInvitationExpired
	}
	return nil
}

const invitationColumns = `i.id, i.email, i.name, i.role, COALESCE(i.org_id, 0), COALESCE(o.code, ''),
	COALESCE(o.name, ''), COALESCE(i.invited_by, 0), i.created_at, i.expires_at, i.accepted_at, i.revoked_at`

const invitationFrom = ` FROM invitations i LEFT JOIN organisations o ON o.id = i.org_id `

func scanInvitation(row interface{ Scan(...any) error }) (Invitation, error) {
	var i Invitation
	// An expiry that cannot be read is the zero time: already expired.
	var created, expires, accepted, revoked store.Time
	err := row.Scan(&i.ID, &i.Email, &i.Name, &i.Role, &i.OrgID, &i.OrgCode, &i.OrgName, &i.InvitedBy,
		&created, &expires, &accepted, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return i, ErrInvitationUnknown
	}
	i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt = created.T, expires.T, accepted.T, revoked.T
	return i, err
}

// Invite makes a one-time link for a person to set up their own account.
// The policy is that of creating the account: a coördinator invites
// ambtsdragers/medewerkers and coördinatoren of their own organisation, a
// beheerder anyone (actor nil is the system). An earlier open invitation
// for the same address and organisation is revoked: the newest link is the
// one that works. The token is returned once; only its hash is stored.
func (s *Service) Invite(ctx context.Context, actor *Principal, in NewInvitation) (string, Invitation, error) {
	in.Email, in.Name = strings.TrimSpace(in.Email), strings.TrimSpace(in.Name)
	if actor != nil && !Allowed(actor, ActionCreateAccount, Target{OrgID: in.OrgID, Role: in.Role}) {
		return "", Invitation{}, s.denied(ctx, actor, ActionCreateAccount, in.OrgID, "")
	}
	v := &valid.Error{}
	checkEmail(v, in.Email)
	checkName(v, in.Name)
	token, hash := newToken("")
	var id int64
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.checkRoleOrg(ctx, tx, v, in.Role, in.OrgID); err != nil {
			return err
		}
		if in.Email != "" && !v.Has("email") {
			if err := s.checkEmailFree(ctx, tx, v, in.Email); err != nil {
				return err
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, `UPDATE invitations SET revoked_at = $1 WHERE email_key = $2
			AND COALESCE(org_id, 0) = $3 AND accepted_at IS NULL AND revoked_at IS NULL`,
			now, emailKey(in.Email), in.OrgID); err != nil {
			return fmt.Errorf("eerdere uitnodiging: %w", err)
		}
		var by any
		if actor != nil {
			by = actor.AccountID
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO invitations (token_hash, email, email_key, name, role, org_id,
			invited_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			hash, in.Email, emailKey(in.Email), in.Name, string(in.Role), nullOrg(in.OrgID), by, now,
			now.Add(InvitationLifetime)).Scan(&id); err != nil {
			return fmt.Errorf("insert: %w", err)
		}
		return s.write(ctx, tx, actor, audit.Event{OrgID: in.OrgID, Action: "invitation.create",
			Object: "invitation", ObjectID: strconv.FormatInt(id, 10), Detail: "role=" + string(in.Role)})
	})
	if err != nil {
		return "", Invitation{}, fmt.Errorf("uitnodigen: %w", err)
	}
	inv, err := scanInvitation(s.db.QueryRowContext(ctx, `SELECT `+invitationColumns+invitationFrom+`WHERE i.id = $1`, id))
	return token, inv, err
}

// InvitationByToken returns the invitation of a link when it still works,
// and otherwise ErrInvitationUnknown, -Expired, -Used or -Revoked. The
// invitation comes back with those errors too, so the page can say who
// invited.
func (s *Service) InvitationByToken(ctx context.Context, token string) (Invitation, error) {
	if token == "" || len(token) > 100 {
		return Invitation{}, ErrInvitationUnknown
	}
	inv, err := scanInvitation(s.db.QueryRowContext(ctx,
		`SELECT `+invitationColumns+invitationFrom+`WHERE i.token_hash = $1`, tokenHash(token)))
	if err != nil {
		if errors.Is(err, ErrInvitationUnknown) {
			return inv, err
		}
		return inv, fmt.Errorf("uitnodiging: %w", err)
	}
	return inv, inv.state(s.now())
}

// ListInvitations lists the open invitations (not accepted, revoked or
// expired) of one organisation, newest first; orgID 0 lists every open
// invitation (beheerder and system only).
func (s *Service) ListInvitations(ctx context.Context, actor *Principal, orgID int64) ([]Invitation, error) {
	if actor != nil && (!Allowed(actor, ActionListAccounts, Target{OrgID: orgID}) || (orgID == 0 && actor.Role != RoleAdmin)) {
		return nil, s.denied(ctx, actor, ActionListAccounts, orgID, "")
	}
	q := `SELECT ` + invitationColumns + invitationFrom +
		`WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $1 `
	args := []any{s.now()}
	if orgID != 0 {
		q += `AND i.org_id = $2 `
		args = append(args, orgID)
	}
	rows, err := s.db.QueryContext(ctx, q+`ORDER BY i.created_at DESC, i.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("uitnodigingen: %w", err)
	}
	defer rows.Close()
	var out []Invitation
	for rows.Next() {
		inv, err := scanInvitation(rows)
		if err != nil {
			return nil, fmt.Errorf("uitnodigingen: %w", err)
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

// RevokeInvitation ends an open invitation. Who may invite the person may
// revoke the invitation.
func (s *Service) RevokeInvitation(ctx context.Context, actor *Principal, id int64) error {
	inv, err := scanInvitation(s.db.QueryRowContext(ctx, `SELECT `+invitationColumns+invitationFrom+`WHERE i.id = $1`, id))
	if err != nil {
		if errors.Is(err, ErrInvitationUnknown) && actor != nil && actor.Role != RoleAdmin {
			return s.denied(ctx, actor, "invitation.lookup", 0, strconv.FormatInt(id, 10))
		}
		if errors.Is(err, ErrInvitationUnknown) {
			return fmt.Errorf("uitnodiging %d: %w", id, ErrNotFound)
		}
		return fmt.Errorf("uitnodiging %d: %w", id, err)
	}
	if actor != nil && !Allowed(actor, ActionCreateAccount, Target{OrgID: inv.OrgID, Role: inv.Role}) {
		return s.denied(ctx, actor, ActionCreateAccount, inv.OrgID, "invitation:"+strconv.FormatInt(id, 10))
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE invitations SET revoked_at = $1
			WHERE id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`, s.now(), id)
		if err != nil {
			return fmt.Errorf("uitnodiging %d intrekken: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("uitnodiging %d: %w", id, ErrNotFound)
		}
		return s.write(ctx, tx, actor, audit.Event{OrgID: inv.OrgID, Action: "invitation.revoke",
			Object: "invitation", ObjectID: strconv.FormatInt(id, 10)})
	})
}
