package auth

import (
	"errors"
	"slices"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestEachRoleNeedsTheRightKindOfOrganisation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		cases := []struct {
			rule    string
			role    Role
			orgCode string
			want    []string
		}{
			{"member belongs to an organisation", RoleMember, "GM0344", nil},
			{"member without organisation is refused", RoleMember, "", []string{"org:org_required"}},
			{"coordinator belongs to an organisation", RoleCoordinator, "PV26", nil},
			{"coordinator without organisation is refused", RoleCoordinator, "", []string{"org:org_required"}},
			{"netwerkpartner of a partner", RolePartner, "NVvR", nil},
			{"netwerkpartner of a ministry that is a network partner", RolePartner, "BZK", nil},
			{"netwerkpartner of a gemeente is refused", RolePartner, "GM0363", []string{"org:org_not_partner"}},
			{"netwerkpartner without organisation is refused", RolePartner, "", []string{"org:org_required"}},
			{"ondersteuningsteam is national", RoleSupportTeam, "", nil},
			{"secretariaat is national", RoleSecretariat, "", nil},
			{"beheerder is national", RoleAdmin, "", nil},
			{"national role with organisation is refused", RoleAdmin, "GM0344", []string{"org:org_not_allowed"}},
			{"unknown role is refused", Role("burgemeester"), "GM0344", []string{"role:role_invalid"}},
		}
		for i, c := range cases {
			var org int64
			if c.orgCode != "" {
				org = f.org(c.orgCode)
			}
			email := "account" + string(rune('a'+i)) + "@example.nl"
			_, err := f.s.CreateAccount(f.ctx, nil, NewAccount{Email: email, Name: "Rol " + string(c.role), Role: c.role, OrgID: org, Password: testPassword})
			if got := problemCodes(err); !slices.Equal(got, c.want) {
				t.Errorf("%s: problems = %v, want %v", c.rule, got, c.want)
			}
		}
		if _, err := f.s.CreateAccount(f.ctx, nil, NewAccount{Email: "x@example.nl", Name: "X", Role: RoleMember, OrgID: 999999, Password: testPassword}); !slices.Equal(problemCodes(err), []string{"org:org_unknown"}) {
			t.Errorf("unknown organisation: %v", err)
		}
	})
}

func TestEmailAddressIsUniqueRegardlessOfCase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		a := f.account("Griffier@Example.nl", RoleCoordinator, "GM0344")
		if a.Email != "Griffier@Example.nl" {
			t.Fatalf("email stored as %q, want as typed", a.Email)
		}
		_, err := f.s.CreateAccount(f.ctx, nil, NewAccount{Email: "griffier@example.NL", Name: "Ander", Role: RoleMember, OrgID: f.org("GM0344"), Password: testPassword})
		if got := problemCodes(err); !slices.Equal(got, []string{"email:email_taken"}) {
			t.Fatalf("problems = %v, want email_taken", got)
		}
		got, err := f.s.FindAccountByEmail(f.ctx, nil, "GRIFFIER@example.nl")
		if err != nil || got.ID != a.ID || got.OrgCode != "GM0344" {
			t.Fatalf("find by other case = %+v, %v", got, err)
		}
	})
}

func TestCreateAccountChecksEveryField(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		_, err := f.s.CreateAccount(f.ctx, nil, NewAccount{Email: "geen adres", Name: " ", Role: RoleMember, OrgID: f.org("GM0344"), Password: "kort"})
		want := []string{"email:email_invalid", "name:required", "password:password_too_short"}
		if got := problemCodes(err); !slices.Equal(got, want) {
			t.Fatalf("problems = %v, want %v", got, want)
		}
		if n := f.count(`SELECT COUNT(*) FROM accounts`); n != 0 {
			t.Fatalf("%d accounts stored after refusal", n)
		}
	})
}

func TestCoordinatorManagesOnlyOwnOrganisationsAccounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("coordinator@utrecht.example.nl", RoleCoordinator, "GM0344")
		member := f.account("raadslid@utrecht.example.nl", RoleMember, "GM0344")
		other := f.account("raadslid@amsterdam.example.nl", RoleMember, "GM0363")
		_, coord, _ := f.login("coordinator@utrecht.example.nl")
		utrecht, amsterdam := f.org("GM0344"), f.org("GM0363")

		in := NewAccount{Email: "wethouder@utrecht.example.nl", Name: "Wethouder Utrecht", Role: RoleMember, OrgID: utrecht, Password: testPassword}
		if _, err := f.s.CreateAccount(f.ctx, coord, in); err != nil {
			t.Fatalf("create in own organisation: %v", err)
		}
		for _, c := range []struct {
			rule string
			in   NewAccount
		}{
			{"not in another organisation", NewAccount{Email: "a@example.nl", Name: "A", Role: RoleMember, OrgID: amsterdam, Password: testPassword}},
			{"not a national role", NewAccount{Email: "b@example.nl", Name: "B", Role: RoleAdmin, Password: testPassword}},
			{"not a netwerkpartner", NewAccount{Email: "c@example.nl", Name: "C", Role: RolePartner, OrgID: utrecht, Password: testPassword}},
		} {
			if _, err := f.s.CreateAccount(f.ctx, coord, c.in); !errors.Is(err, ErrForbidden) {
				t.Errorf("create %s: err = %v, want ErrForbidden", c.rule, err)
			}
		}
		list, err := f.s.ListAccounts(f.ctx, coord, utrecht)
		if err != nil || len(list) != 3 {
			t.Fatalf("list own organisation = %d accounts, %v; want 3", len(list), err)
		}
		_, err = f.s.ListAccounts(f.ctx, coord, amsterdam)
		wantErr(t, err, ErrForbidden)
		_, err = f.s.ListAccounts(f.ctx, coord, 0)
		wantErr(t, err, ErrForbidden)
		wantErr(t, f.s.Disable(f.ctx, coord, other.ID), ErrForbidden)
		wantErr(t, f.s.SetRole(f.ctx, coord, other.ID, RoleCoordinator, amsterdam), ErrForbidden)
		wantErr(t, f.s.SetRole(f.ctx, coord, member.ID, RoleAdmin, 0), ErrForbidden)
		wantErr(t, f.s.SetRole(f.ctx, coord, member.ID, RoleMember, amsterdam), ErrForbidden)
		wantErr(t, f.s.SetPassword(f.ctx, coord, member.ID, "een ander wachtwoord"), ErrForbidden)
		_, err = f.s.GetAccount(f.ctx, coord, other.ID)
		wantErr(t, err, ErrForbidden)
		wantErr(t, f.s.Disable(f.ctx, coord, 999999), ErrForbidden)
		if err := f.s.SetRole(f.ctx, coord, member.ID, RoleCoordinator, utrecht); err != nil {
			t.Fatalf("promote own member to coordinator: %v", err)
		}
		if err := f.s.Disable(f.ctx, coord, member.ID); err != nil {
			t.Fatalf("disable own member: %v", err)
		}
		if n := f.audits("account.denied"); n < 10 {
			t.Fatalf("%d denials audited, want every one (>= 10)", n)
		}
	})
}

func TestMemberCanOnlySeeThemselves(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		me := f.account("raadslid@example.nl", RoleMember, "GM0344")
		colleague := f.account("wethouder@example.nl", RoleMember, "GM0344")
		_, p, _ := f.login("raadslid@example.nl")
		if a, err := f.s.GetAccount(f.ctx, p, me.ID); err != nil || a.ID != me.ID {
			t.Fatalf("view own account: %v", err)
		}
		_, err := f.s.GetAccount(f.ctx, p, colleague.ID)
		wantErr(t, err, ErrForbidden)
		_, err = f.s.ListAccounts(f.ctx, p, f.org("GM0344"))
		wantErr(t, err, ErrForbidden)
		wantErr(t, f.s.SetRole(f.ctx, p, me.ID, RoleCoordinator, f.org("GM0344")), ErrForbidden)
		wantErr(t, f.s.Disable(f.ctx, p, colleague.ID), ErrForbidden)
	})
}

func TestRoleChangeIsAuditedAndEndsEverySession(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		a := f.account("raadslid@example.nl", RoleMember, "GM0344")
		token, _, _ := f.login("raadslid@example.nl")
		if err := f.s.SetRole(f.ctx, nil, a.ID, RoleCoordinator, f.org("GM0344")); err != nil {
			t.Fatal(err)
		}
		_, err := f.s.Authenticate(f.ctx, token)
		wantErr(t, err, ErrNoSession)
		got, _ := f.s.GetAccount(f.ctx, nil, a.ID)
		if got.Role != RoleCoordinator {
			t.Fatalf("role = %s", got.Role)
		}
		if f.audits("account.role") != 1 || f.audits("account.create") != 1 {
			t.Fatal("role change or creation not audited")
		}
		if err := f.s.SetRole(f.ctx, nil, a.ID, RoleSupportTeam, f.org("GM0344")); !slices.Equal(problemCodes(err), []string{"org:org_not_allowed"}) {
			t.Fatalf("national role with organisation: %v", err)
		}
	})
}

func TestDisabledAccountLosesSessionsAndAPITokensAndCannotLogIn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		a := f.account("raadslid@example.nl", RoleMember, "GM0344")
		token, p, _ := f.login("raadslid@example.nl")
		apiToken, _, err := f.s.CreateAPIToken(f.ctx, p, "script")
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.Disable(f.ctx, nil, a.ID); err != nil {
			t.Fatal(err)
		}
		_, err = f.s.Authenticate(f.ctx, token)
		wantErr(t, err, ErrNoSession)
		_, err = f.s.AuthenticateAPIToken(f.ctx, apiToken)
		wantErr(t, err, ErrNoSession)
		_, err = f.s.Login(f.ctx, "raadslid@example.nl", testPassword, "192.0.2.1")
		wantErr(t, err, ErrInvalidCredentials)
		if f.audits("account.disable") != 1 {
			t.Fatal("disable not audited")
		}
	})
}
