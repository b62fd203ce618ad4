// Package demo fills an empty Weerbaar database with demo accounts and
// records, so a newcomer can try every role. It is used by `weerbaar demo`
// and `weerbaar serve --demo`. Demo accounts are named by their role, never
// as invented people, and use example.org addresses.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/scan"
	"weerbaar/internal/store"
)

// Password is the password of every demo account. Demo databases are for
// trying Weerbaar out only; `serve` without --demo never loads them.
const Password = "weerbaar-demo-wachtwoord"

// Login is one demo account as printed for the newcomer.
type Login struct {
	Email string
	Role  auth.Role
	Org   string
	Note  string
}

// Deps are the services the demo data goes through, so every rule
// (validation, encryption, audit) applies to it as to real data.
type Deps struct {
	DB        *store.DB
	Auth      *auth.Service
	Orgs      *org.Service
	Incidents *incident.Service
	Scans     *scan.Service // optional: demo scans when set
	Now       func() time.Time
}

// ErrNotEmpty is returned when the database already has accounts.
var ErrNotEmpty = errors.New("de database heeft al accounts; demogegevens worden alleen in een lege database geladen")

// account is one demo account to create.
type account struct {
	email, name string
	role        auth.Role
	org         string // organisation code, "" for national roles
}

var accounts = []account{
	{"raadslid@utrecht.example.org", "Raadslid Utrecht (demo)", auth.RoleMember, "GM0344"},
	{"wethouder@utrecht.example.org", "Wethouder Utrecht (demo)", auth.RoleMember, "GM0344"},
	{"griffier@utrecht.example.org", "Griffier Utrecht (demo)", auth.RoleCoordinator, "GM0344"},
	{"burgemeester@amsterdam.example.org", "Burgemeester Amsterdam (demo)", auth.RoleMember, "GM0363"},
	{"coordinator@amsterdam.example.org", "Coördinator Amsterdam (demo)", auth.RoleCoordinator, "GM0363"},
	{"otwb@weerbaarbestuur.example.org", "Ondersteuningsteam (demo)", auth.RoleSupportTeam, ""},
	{"secretariaat@weerbaarbestuur.example.org", "Secretariaat (demo)", auth.RoleSecretariat, ""},
	{"beheer@weerbaarbestuur.example.org", "Beheerder (demo)", auth.RoleAdmin, ""},
}

// Logins describes the demo accounts without touching a database.
func Logins() []Login {
	var out []Login
	for _, a := range accounts {
		out = append(out, a.login(""))
	}
	return out
}

func (a account) login(orgName string) Login {
	if orgName == "" {
		orgName = a.org
	}
	note := ""
	if a.role.NeedsSecondFactor() {
		note = "stelt bij de eerste keer inloggen een tweede factor (TOTP) in"
	}
	return Login{Email: a.email, Role: a.role, Org: orgName, Note: note}
}

// Load creates the demo accounts and records in an empty database and
// returns the logins to print.
func Load(ctx context.Context, d Deps) ([]Login, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	var n int
	if err := d.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts`).Scan(&n); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	if n > 0 {
		return nil, ErrNotEmpty
	}
	byEmail := map[string]*auth.Principal{}
	var logins []Login
	for _, a := range accounts {
		p, orgName, err := createAccount(ctx, d, a)
		if err != nil {
			return nil, err
		}
		byEmail[a.email] = p
		logins = append(logins, a.login(orgName))
	}
	if err := loadRecords(ctx, d, byEmail); err != nil {
		return nil, err
	}
	if err := loadScans(ctx, d, byEmail); err != nil {
		return nil, err
	}
	return logins, nil
}

func createAccount(ctx context.Context, d Deps, a account) (*auth.Principal, string, error) {
	var orgID int64
	var orgName string
	if a.org != "" {
		o, err := d.Orgs.ByCode(ctx, a.org)
		if err != nil {
			return nil, "", fmt.Errorf("demo: organisatie %s: %w", a.org, err)
		}
		orgID, orgName = o.ID, o.DisplayName()
	}
	acc, err := d.Auth.CreateAccount(ctx, nil, auth.NewAccount{
		Email: a.email, Name: a.name, Role: a.role, OrgID: orgID, Password: Password,
	})
	if err != nil {
		return nil, "", fmt.Errorf("demo: account %s: %w", a.email, err)
	}
	return &auth.Principal{AccountID: acc.ID, OrgID: orgID, Role: a.role, Name: a.name, Email: a.email}, orgName, nil
}
