package auth

import (
	"slices"
	"testing"
)

// TestAccountPolicyEveryRoleOwnAndOtherOrganisation checks Allowed for
// every role, every account action and every target role, in the actor's
// own organisation and in another one. Each row names the target roles
// allowed; every other combination must be denied.
func TestAccountPolicyEveryRoleOwnAndOtherOrganisation(t *testing.T) {
	const own, other = 344, 363 // organisation ids; national roles have none
	all := Roles
	staffOfOrg := []Role{RoleMember, RoleCoordinator}
	none := []Role(nil)
	rows := []struct {
		role          Role
		action        Action
		ownOrg, other []Role // target roles allowed there
	}{
		{RoleAdmin, ActionCreateAccount, all, all},
		{RoleAdmin, ActionListAccounts, all, all},
		{RoleAdmin, ActionViewAccount, all, all},
		{RoleAdmin, ActionChangeRole, all, all},
		{RoleAdmin, ActionDisableAccount, all, all},
		{RoleAdmin, ActionEnableAccount, all, all},
		{RoleAdmin, ActionSetPassword, all, all},
		{RoleAdmin, ActionResetTOTP, all, all},

		{RoleCoordinator, ActionCreateAccount, staffOfOrg, none},
		{RoleCoordinator, ActionListAccounts, all, none},
		{RoleCoordinator, ActionViewAccount, staffOfOrg, none},
		{RoleCoordinator, ActionChangeRole, staffOfOrg, none},
		{RoleCoordinator, ActionDisableAccount, staffOfOrg, none},
		{RoleCoordinator, ActionEnableAccount, staffOfOrg, none},
		{RoleCoordinator, ActionSetPassword, none, none},
		{RoleCoordinator, ActionResetTOTP, none, none},
	}
	for _, r := range []Role{RoleMember, RoleSupportTeam, RolePartner, RoleSecretariat} {
		for _, a := range Actions {
			rows = append(rows, struct {
				role          Role
				action        Action
				ownOrg, other []Role
			}{r, a, none, none})
		}
	}
	if len(rows) != len(Roles)*len(Actions) {
		t.Fatalf("table has %d rows, want one per role and action (%d)", len(rows), len(Roles)*len(Actions))
	}
	for _, row := range rows {
		actorOrg := int64(own)
		if row.role == RoleAdmin || row.role == RoleSupportTeam || row.role == RoleSecretariat {
			actorOrg = 0
		}
		p := &Principal{AccountID: 1, Role: row.role, OrgID: actorOrg}
		for _, where := range []struct {
			name    string
			org     int64
			allowed []Role
		}{{"own", actorOrg, row.ownOrg}, {"other", other, row.other}} {
			for _, target := range Roles {
				want := slices.Contains(where.allowed, target)
				got := Allowed(p, row.action, Target{AccountID: 2, OrgID: where.org, Role: target})
				if got != want {
					t.Errorf("%s %s on %s in %s organisation: allowed = %v, want %v",
						row.role, row.action, target, where.name, got, want)
				}
			}
		}
	}
}

func TestEveryoneMayViewOnlyTheirOwnAccountUnlessTheyManageIt(t *testing.T) {
	for _, r := range Roles {
		p := &Principal{AccountID: 7, Role: r, OrgID: 344}
		if !Allowed(p, ActionViewAccount, Target{AccountID: 7, OrgID: 344, Role: r}) {
			t.Errorf("%s may not view own account", r)
		}
		for _, a := range Actions {
			if a == ActionViewAccount || r == RoleAdmin || r == RoleCoordinator {
				continue
			}
			if Allowed(p, a, Target{AccountID: 7, OrgID: 344, Role: r}) {
				t.Errorf("%s may %s on own account, want only view", r, a)
			}
		}
	}
}

func TestNobodyLoggedInMayDoAnything(t *testing.T) {
	for _, a := range Actions {
		if Allowed(nil, a, Target{OrgID: 344, Role: RoleMember}) {
			t.Errorf("nil principal allowed %s", a)
		}
		if Allowed(&Principal{AccountID: 1, Role: "onbekend", OrgID: 344}, a, Target{OrgID: 344, Role: RoleMember}) {
			t.Errorf("unknown role allowed %s", a)
		}
	}
}

func TestCoordinatorWithoutOrganisationMayNotManageNationalAccounts(t *testing.T) {
	p := &Principal{AccountID: 1, Role: RoleCoordinator, OrgID: 0}
	if Allowed(p, ActionListAccounts, Target{OrgID: 0}) || Allowed(p, ActionCreateAccount, Target{OrgID: 0, Role: RoleMember}) {
		t.Fatal("a coordinator without organisation may manage accounts without organisation")
	}
}
