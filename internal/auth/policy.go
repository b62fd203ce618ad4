package auth

// Action is something one person does to an account.
type Action string

const (
	ActionCreateAccount  Action = "account.create"
	ActionListAccounts   Action = "account.list"
	ActionViewAccount    Action = "account.view"
	ActionChangeRole     Action = "account.role"
	ActionDisableAccount Action = "account.disable"
	// ActionEnableAccount undoes ActionDisableAccount; the same people may.
	ActionEnableAccount Action = "account.enable"
	// ActionSetPassword sets another person's password without knowing the
	// old one; people change their own with ChangePassword.
	ActionSetPassword Action = "account.password"
	// ActionResetTOTP removes another person's second factor (lost phone).
	ActionResetTOTP Action = "account.totp_reset"
)

// Actions lists every account action, for tests and documentation.
var Actions = []Action{ActionCreateAccount, ActionListAccounts, ActionViewAccount,
	ActionChangeRole, ActionDisableAccount, ActionEnableAccount, ActionSetPassword, ActionResetTOTP}

// Target is the account an action is about. For ActionCreateAccount it is
// the account to be; for ActionListAccounts only OrgID counts; for
// ActionChangeRole the service asks twice, for the current and the new
// role and organisation.
type Target struct {
	AccountID int64
	OrgID     int64
	Role      Role
}

// Allowed is the one policy point for accounts:
//   - a beheerder may do everything;
//   - a coördinator acts only within their own organisation, and only on
//     ambtsdragers/medewerkers and coördinatoren (create, list, view, change
//     role, disable, enable), never on passwords or second factors of others;
//   - everybody may view their own account, and nothing else here.
//
// A nil principal (nobody logged in) may do nothing; the command line acts
// as the system and does not ask.
func Allowed(p *Principal, a Action, t Target) bool {
	if p == nil || !p.Role.Valid() {
		return false
	}
	if p.Role == RoleAdmin {
		return true
	}
	if a == ActionViewAccount && t.AccountID != 0 && t.AccountID == p.AccountID {
		return true
	}
	if p.Role != RoleCoordinator || p.OrgID == 0 || t.OrgID != p.OrgID {
		return false
	}
	switch a {
	case ActionListAccounts:
		return true
	case ActionCreateAccount, ActionViewAccount, ActionChangeRole, ActionDisableAccount, ActionEnableAccount:
		return t.Role == RoleMember || t.Role == RoleCoordinator
	default:
		return false
	}
}
