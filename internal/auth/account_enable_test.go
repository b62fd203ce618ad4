package auth

import (
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestBeheerderEnablesADisabledAccountAndThePersonLogsInAgain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("beheerder@example.nl", RoleAdmin, "")
		a := f.account("raadslid@example.nl", RoleMember, "GM0344")
		oldSession, p, _ := f.login("raadslid@example.nl")
		apiToken, _, err := f.s.CreateAPIToken(f.ctx, p, "script")
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.Disable(f.ctx, nil, a.ID); err != nil {
			t.Fatal(err)
		}
		_, admin, _ := f.login("beheerder@example.nl")
		if err := f.s.Enable(f.ctx, admin, a.ID); err != nil {
			t.Fatalf("enable: %v", err)
		}
		if got, _ := f.s.GetAccount(f.ctx, nil, a.ID); got.Disabled {
			t.Fatal("account still disabled")
		}
		_, err = f.s.Authenticate(f.ctx, oldSession)
		wantErr(t, err, ErrNoSession) // the session disabling ended stays ended
		_, err = f.s.AuthenticateAPIToken(f.ctx, apiToken)
		wantErr(t, err, ErrNoSession) // and the old API token does not come back
		f.login("raadslid@example.nl")
		if n := f.audits("account.enable"); n != 1 {
			t.Fatalf("%d account.enable audit rows, want 1", n)
		}
		var actor int64
		if err := db.QueryRowContext(f.ctx, `SELECT actor_id FROM audit_log WHERE action = 'account.enable'`).Scan(&actor); err != nil {
			t.Fatal(err)
		}
		if actor != admin.AccountID {
			t.Errorf("audit actor = %d, want the beheerder (%d)", actor, admin.AccountID)
		}
	})
}

func TestEnablingAnEnabledAccountChangesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		a := f.account("raadslid@example.nl", RoleMember, "GM0344")
		session, _, _ := f.login("raadslid@example.nl")
		for range 2 {
			if err := f.s.Enable(f.ctx, nil, a.ID); err != nil {
				t.Fatalf("enable an enabled account: %v", err)
			}
		}
		if _, err := f.s.Authenticate(f.ctx, session); err != nil {
			t.Fatalf("enabling an enabled account ended its session: %v", err)
		}
		if f.audits("account.enable") != 0 {
			t.Fatal("a no-op enable was audited")
		}
		if err := f.s.Disable(f.ctx, nil, a.ID); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := f.s.Enable(f.ctx, nil, a.ID); err != nil {
				t.Fatalf("enable twice: %v", err)
			}
		}
		if f.audits("account.enable") != 1 {
			t.Fatal("want one audit row for one real change")
		}
	})
}

func TestWhoMayEnableAnAccount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("coordinator@utrecht.example.nl", RoleCoordinator, "GM0344")
		f.account("coordinator@amsterdam.example.nl", RoleCoordinator, "GM0363")
		f.account("wethouder@utrecht.example.nl", RoleMember, "GM0344")
		f.account("otwb@example.nl", RoleSupportTeam, "")
		ownMember := f.account("raadslid@utrecht.example.nl", RoleMember, "GM0344")
		ownCoord := f.account("coordinator2@utrecht.example.nl", RoleCoordinator, "GM0344")
		ownPartner := f.account("partner@example.nl", RolePartner, "NVvR")
		admin := f.account("beheerder2@example.nl", RoleAdmin, "")
		_, utrecht, _ := f.login("coordinator@utrecht.example.nl")
		_, amsterdam, _ := f.login("coordinator@amsterdam.example.nl")
		_, member, _ := f.login("wethouder@utrecht.example.nl")
		_, support, _ := f.login("otwb@example.nl")
		for _, a := range []Account{ownMember, ownCoord, ownPartner, admin} {
			if err := f.s.Disable(f.ctx, nil, a.ID); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range []struct {
			rule    string
			actor   *Principal
			account Account
		}{
			{"coördinator of another organisation", amsterdam, ownMember},
			{"member of the same organisation", member, ownMember},
			{"support team", support, ownMember},
			{"coördinator on a beheerder", utrecht, admin},
			{"coördinator on a netwerkpartner", utrecht, ownPartner},
		} {
			wantErr(t, f.s.Enable(f.ctx, c.actor, c.account.ID), ErrForbidden)
			if got, _ := f.s.GetAccount(f.ctx, nil, c.account.ID); !got.Disabled {
				t.Errorf("%s enabled %s", c.rule, c.account.Email)
			}
		}
		wantErr(t, f.s.Enable(f.ctx, utrecht, 999999), ErrForbidden) // ids cannot be probed
		if n := f.audits("account.denied"); n != 6 {
			t.Errorf("%d denials audited, want 6", n)
		}
		for _, a := range []Account{ownMember, ownCoord} {
			if err := f.s.Enable(f.ctx, utrecht, a.ID); err != nil {
				t.Fatalf("coördinator enables %s of own organisation: %v", a.Email, err)
			}
		}
		f.login(ownMember.Email)
		if f.audits("account.enable") != 2 {
			t.Fatal("enables by the coördinator not audited")
		}
	})
}
