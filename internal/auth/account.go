package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// Account is a person who can log in.
type Account struct {
	ID          int64
	Email       string
	Name        string
	Role        Role
	OrgID       int64  // 0 for national roles
	OrgCode     string // e.g. GM0344, empty for national roles
	OrgName     string
	Disabled    bool
	TOTPEnabled bool
	CreatedAt   time.Time
	LastLoginAt time.Time // zero when never logged in
}

// NewAccount is what CreateAccount needs.
type NewAccount struct {
	Email    string
	Name     string
	Role     Role
	OrgID    int64
	Password string
}

const accountColumns = `a.id, a.email, a.name, a.role, COALESCE(a.org_id, 0), COALESCE(o.code, ''),
	COALESCE(o.name, ''), a.disabled, a.totp_enabled, a.created_at, a.last_login_at`

const accountFrom = ` FROM accounts a LEFT JOIN organisations o ON o.id = a.org_id `

func scanAccount(row interface{ Scan(...any) error }) (Account, error) {
	var a Account
	var created, last store.Time
	err := row.Scan(&a.ID, &a.Email, &a.Name, &a.Role, &a.OrgID, &a.OrgCode, &a.OrgName,
		&a.Disabled, &a.TOTPEnabled, &created, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	a.CreatedAt, a.LastLoginAt = created.T, last.T
	return a, err
}

// emailKey is the form under which addresses are unique.
// emailKey is the lookup form of an address. Bytes that cannot be stored
// as text (invalid UTF-8, NUL) become \x01, which no valid address holds:
// such a lookup finds nothing instead of failing in the database.
func emailKey(email string) string {
	k := strings.ToLower(strings.TrimSpace(email))
	if !valid.TextOK(k) {
		k = strings.ReplaceAll(strings.ToValidUTF8(k, "\x01"), "\x00", "\x01")
	}
	return k
}

// CreateAccount creates an account. actor nil is the system (command line);
// otherwise the policy decides. Field problems come back as *valid.Error.
func (s *Service) CreateAccount(ctx context.Context, actor *Principal, in NewAccount) (Account, error) {
	in.Email, in.Name = strings.TrimSpace(in.Email), strings.TrimSpace(in.Name)
	if actor != nil && !Allowed(actor, ActionCreateAccount, Target{OrgID: in.OrgID, Role: in.Role}) {
		return Account{}, s.denied(ctx, actor, ActionCreateAccount, in.OrgID, "")
	}
	v := &valid.Error{}
	checkEmail(v, in.Email)
	checkName(v, in.Name)
	CheckPassword(v, in.Password, in.Email, in.Name)
	if err := v.Err(); err != nil {
		return Account{}, err
	}
	hash, err := s.hashPassword(ctx, in.Password)
	if err != nil {
		return Account{}, err
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.checkRoleOrg(ctx, tx, v, in.Role, in.OrgID); err != nil {
			return err
		}
		if err := s.checkEmailFree(ctx, tx, v, in.Email); err != nil {
			return err
		}
		if err := v.Err(); err != nil {
			return err
		}
		now := s.now()
		err := tx.QueryRowContext(ctx, `INSERT INTO accounts
			(email, email_key, name, role, org_id, password_hash, password_changed_at, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
			in.Email, emailKey(in.Email), in.Name, string(in.Role), nullOrg(in.OrgID), hash, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("insert: %w", err)
		}
		return s.write(ctx, tx, actor, audit.Event{OrgID: in.OrgID, Action: "account.create",
			Object: "account", ObjectID: strconv.FormatInt(id, 10), Detail: "role=" + string(in.Role)})
	})
	if err != nil {
		return Account{}, fmt.Errorf("account aanmaken: %w", err)
	}
	return s.account(ctx, s.db, id)
}

func checkEmail(v *valid.Error, email string) {
	if email == "" {
		v.Add("email", "required")
		return
	}
	a, err := mail.ParseAddress(email)
	if !valid.TextOK(email) || err != nil || a.Address != email || a.Name != "" || len(email) > 254 {
		v.Add("email", "email_invalid")
	}
}

func checkName(v *valid.Error, name string) {
	switch {
	case name == "":
		v.Add("name", "required")
	case !valid.TextOK(name):
		v.Add("name", "invalid_text")
	case utf8.RuneCountInString(name) > 200:
		v.Add("name", "too_long", 200)
	}
}

func (s *Service) checkEmailFree(ctx context.Context, q store.Querier, v *valid.Error, email string) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE email_key = $1`, emailKey(email)).Scan(&n); err != nil {
		return fmt.Errorf("e-mailadres: %w", err)
	}
	if n > 0 {
		v.Add("email", "email_taken")
	}
	return nil
}

// checkRoleOrg checks the role and whether it fits the organisation:
// coördinatoren and ambtsdragers belong to one organisation, a
// netwerkpartner to a network partner, national roles to none.
func (s *Service) checkRoleOrg(ctx context.Context, q store.Querier, v *valid.Error, role Role, orgID int64) error {
	if !role.Valid() {
		v.Add("role", "role_invalid")
		return nil
	}
	national := role == RoleSupportTeam || role == RoleSecretariat || role == RoleAdmin
	if national {
		if orgID != 0 {
			v.Add("org", "org_not_allowed")
		}
		return nil
	}
	if orgID == 0 {
		v.Add("org", "org_required")
		return nil
	}
	var kind string
	var partner int
	err := q.QueryRowContext(ctx, `SELECT o.kind, (SELECT COUNT(*) FROM network_partners p
		WHERE p.org_id = o.id AND p.left_on IS NULL) FROM organisations o WHERE o.id = $1`, orgID).Scan(&kind, &partner)
	if errors.Is(err, sql.ErrNoRows) {
		v.Add("org", "org_unknown")
		return nil
	}
	if err != nil {
		return fmt.Errorf("organisatie %d: %w", orgID, err)
	}
	if role == RolePartner && kind != "partner" && partner == 0 {
		v.Add("org", "org_not_partner")
	}
	return nil
}

// account reads one account without a policy check (internal use).
func (s *Service) account(ctx context.Context, q store.Querier, id int64) (Account, error) {
	return scanAccount(q.QueryRowContext(ctx, `SELECT `+accountColumns+accountFrom+`WHERE a.id = $1`, id))
}

// GetAccount returns the account with id when the actor may view it.
func (s *Service) GetAccount(ctx context.Context, actor *Principal, id int64) (Account, error) {
	a, err := s.account(ctx, s.db, id)
	if err != nil {
		if errors.Is(err, ErrNotFound) && actor != nil && actor.Role != RoleAdmin {
			return Account{}, ErrForbidden // do not tell others which ids exist
		}
		return Account{}, fmt.Errorf("account %d: %w", id, err)
	}
	if actor != nil && !Allowed(actor, ActionViewAccount, Target{AccountID: a.ID, OrgID: a.OrgID, Role: a.Role}) {
		return Account{}, s.denied(ctx, actor, ActionViewAccount, a.OrgID, strconv.FormatInt(id, 10))
	}
	return a, nil
}

// FindAccountByEmail returns the account with this address (any case)
// when the actor may view it.
func (s *Service) FindAccountByEmail(ctx context.Context, actor *Principal, email string) (Account, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM accounts WHERE email_key = $1`, emailKey(email)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		if actor != nil && actor.Role != RoleAdmin {
			return Account{}, ErrForbidden
		}
		return Account{}, fmt.Errorf("account %s: %w", email, ErrNotFound)
	}
	if err != nil {
		return Account{}, fmt.Errorf("account %s: %w", email, err)
	}
	return s.GetAccount(ctx, actor, id)
}

// ListAccounts lists the accounts of one organisation, by name; orgID 0
// lists every account (beheerder and system only).
func (s *Service) ListAccounts(ctx context.Context, actor *Principal, orgID int64) ([]Account, error) {
	if actor != nil && (!Allowed(actor, ActionListAccounts, Target{OrgID: orgID}) || (orgID == 0 && actor.Role != RoleAdmin)) {
		return nil, s.denied(ctx, actor, ActionListAccounts, orgID, "")
	}
	q := `SELECT ` + accountColumns + accountFrom
	var args []any
	if orgID != 0 {
		q += `WHERE a.org_id = $1 `
		args = append(args, orgID)
	}
	rows, err := s.db.QueryContext(ctx, q+`ORDER BY a.name, a.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			return nil, fmt.Errorf("accounts: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// denied records a refused action and returns ErrForbidden.
func (s *Service) denied(ctx context.Context, actor *Principal, a Action, orgID int64, objectID string) error {
	err := s.audit.WriteNow(ctx, audit.Event{Actor: actor.AccountID, OrgID: orgID, Action: "account.denied",
		Object: "account", ObjectID: objectID, Detail: "action=" + string(a)})
	if err != nil {
		return fmt.Errorf("%w (audit: %v)", ErrForbidden, err)
	}
	return ErrForbidden
}
