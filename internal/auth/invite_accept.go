package auth

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"weerbaar/internal/audit"
	"weerbaar/internal/valid"
)

// AcceptInvitation is what the invited person fills in.
type AcceptInvitation struct {
	Name     string
	Password string
}

// AcceptInvitation makes the account of an invitation that still works,
// with the person's own name and password, and uses the link up. What
// comes next is a LoginStep as after a password: for roles that need a
// second factor a pending token for BeginTOTPSetup/ConfirmTOTPSetup
// (NeedsTOTPSetup), otherwise a session (with OfferTOTP). A link that no
// longer works gives ErrInvitationUnknown, -Expired, -Used or -Revoked;
// field problems come back as *valid.Error.
func (s *Service) AcceptInvitation(ctx context.Context, token string, in AcceptInvitation) (LoginStep, error) {
	inv, err := s.InvitationByToken(ctx, token)
	if err != nil {
		return LoginStep{}, err
	}
	in.Name = strings.TrimSpace(in.Name)
	v := &valid.Error{}
	checkName(v, in.Name)
	CheckPassword(v, in.Password, inv.Email, in.Name)
	if err := v.Err(); err != nil {
		return LoginStep{}, err
	}
	hash, err := s.hashPassword(ctx, in.Password)
	if err != nil {
		return LoginStep{}, err
	}
	var step LoginStep
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		step, err = s.acceptInTx(ctx, tx, inv, in.Name, hash)
		return err
	})
	if err != nil {
		return LoginStep{}, fmt.Errorf("uitnodiging aannemen: %w", err)
	}
	return step, nil
}

func (s *Service) acceptInTx(ctx context.Context, tx *sql.Tx, inv Invitation, name, hash string) (LoginStep, error) {
	now := s.now()
	// Use the link up first: of two acceptances at once only one wins.
	res, err := tx.ExecContext(ctx, `UPDATE invitations SET accepted_at = $1 WHERE id = $2
		AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1`, now, inv.ID)
	if err != nil {
		return LoginStep{}, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return LoginStep{}, err
	} else if n != 1 {
		return LoginStep{}, ErrInvitationUsed
	}
	v := &valid.Error{}
	if err := s.checkRoleOrg(ctx, tx, v, inv.Role, inv.OrgID); err != nil {
		return LoginStep{}, err
	}
	if err := s.checkEmailFree(ctx, tx, v, inv.Email); err != nil {
		return LoginStep{}, err
	}
	if err := v.Err(); err != nil {
		return LoginStep{}, err
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO accounts
		(email, email_key, name, role, org_id, password_hash, password_changed_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
		inv.Email, emailKey(inv.Email), name, string(inv.Role), nullOrg(inv.OrgID), hash, now).Scan(&id); err != nil {
		return LoginStep{}, fmt.Errorf("insert: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE invitations SET accepted_account = $1 WHERE id = $2`, id, inv.ID); err != nil {
		return LoginStep{}, err
	}
	// The inviter is the actor of the account's creation; the person
	// themselves of the acceptance.
	if err := s.audit.Write(ctx, tx, audit.Event{Actor: inv.InvitedBy, OrgID: inv.OrgID, Action: "account.create",
		Object: "account", ObjectID: strconv.FormatInt(id, 10),
		Detail: "role=" + string(inv.Role) + " invitation=" + strconv.FormatInt(inv.ID, 10)}); err != nil {
		return LoginStep{}, err
	}
	if err := s.audit.Write(ctx, tx, audit.Event{Actor: id, OrgID: inv.OrgID, Action: "invitation.accept",
		Object: "invitation", ObjectID: strconv.FormatInt(inv.ID, 10)}); err != nil {
		return LoginStep{}, err
	}
	return s.firstLogin(ctx, tx, id, inv)
}

// firstLogin is the login that follows accepting: the password was just
// set, so the next step is the second factor's set-up or a session.
func (s *Service) firstLogin(ctx context.Context, tx *sql.Tx, id int64, inv Invitation) (LoginStep, error) {
	var step LoginStep
	var err error
	if inv.Role.NeedsSecondFactor() {
		step.NeedsTOTPSetup = true
		step.Pending, err = s.newChallenge(ctx, tx, id, true)
		return step, err
	}
	step.OfferTOTP = true
	if step.Session, err = s.newSession(ctx, tx, id); err != nil {
		return step, err
	}
	return step, s.audit.Write(ctx, tx, audit.Event{Actor: id, OrgID: inv.OrgID, Action: "login",
		Object: "account", ObjectID: strconv.FormatInt(id, 10), Detail: "factors=password,invitation"})
}
