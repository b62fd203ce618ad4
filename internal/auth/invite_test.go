package auth

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestWhoMayInviteWhom(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		_, coord, _ := f.login(f.account("coordinator@example.org", RoleCoordinator, "GM0344").Email)
		_, admin, _ := f.login(f.account("beheerder@example.org", RoleAdmin, "").Email)
		_, member, _ := f.login(f.account("lid@example.org", RoleMember, "GM0344").Email)
		cases := []struct {
			rule    string
			actor   *Principal
			role    Role
			orgCode string
			allowed bool
		}{
			{"coordinator invites a member of their own organisation", coord, RoleMember, "GM0344", true},
			{"coordinator invites a coordinator of their own organisation", coord, RoleCoordinator, "GM0344", true},
			{"coordinator cannot invite into another organisation", coord, RoleMember, "GM0363", false},
			{"coordinator cannot make a beheerder", coord, RoleAdmin, "", false},
			{"coordinator cannot make a netwerkpartner", coord, RolePartner, "VNG", false},
			{"coordinator cannot make the support team", coord, RoleSupportTeam, "", false},
			{"member cannot invite", member, RoleMember, "GM0344", false},
			{"beheerder invites a coordinator anywhere", admin, RoleCoordinator, "GM0363", true},
			{"beheerder invites a netwerkpartner", admin, RolePartner, "VNG", true},
			{"beheerder invites the secretariat", admin, RoleSecretariat, "", true},
			{"beheerder invites a beheerder", admin, RoleAdmin, "", true},
		}
		for i, c := range cases {
			var org int64
			if c.orgCode != "" {
				org = f.org(c.orgCode)
			}
			email := "genodigde" + string(rune('a'+i)) + "@example.org"
			token, _, err := f.s.Invite(f.ctx, c.actor, NewInvitation{Email: email, Name: "Genodigde (test)", Role: c.role, OrgID: org})
			if c.allowed && (err != nil || token == "") {
				t.Errorf("%s: err = %v", c.rule, err)
			}
			if !c.allowed && !errors.Is(err, ErrForbidden) {
				t.Errorf("%s: err = %v, want ErrForbidden", c.rule, err)
			}
		}
		if n := f.audits("invitation.create"); n != 6 {
			t.Errorf("invitation.create audited %d times, want 6", n)
		}
	})
}

func TestInvitationChecksItsFields(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("bestaand@example.org", RoleMember, "GM0344")
		cases := []struct {
			in   NewInvitation
			want []string
		}{
			{NewInvitation{Email: "", Name: "", Role: RoleMember, OrgID: f.org("GM0344")}, []string{"email:required", "name:required"}},
			{NewInvitation{Email: "geen adres", Name: "X", Role: RoleMember, OrgID: f.org("GM0344")}, []string{"email:email_invalid"}},
			{NewInvitation{Email: "Bestaand@example.org", Name: "X", Role: RoleMember, OrgID: f.org("GM0344")}, []string{"email:email_taken"}},
			{NewInvitation{Email: "nieuw@example.org", Name: "X", Role: RoleMember}, []string{"org:org_required"}},
		}
		for _, c := range cases {
			_, _, err := f.s.Invite(f.ctx, nil, c.in)
			if got := problemCodes(err); !slices.Equal(got, c.want) {
				t.Errorf("%+v: problems %v, want %v", c.in, got, c.want)
			}
		}
	})
}

func TestInvitationTokenIsStoredOnlyAsItsHash(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		token, inv, err := f.s.Invite(f.ctx, nil, NewInvitation{Email: "wethouder@example.org", Name: "Wethouder (test)",
			Role: RoleMember, OrgID: f.org("GM0344")})
		if err != nil {
			t.Fatal(err)
		}
		if len(token) < 40 {
			t.Errorf("token %q is short", token)
		}
		if n := f.count(`SELECT COUNT(*) FROM invitations WHERE token_hash = $1`, token); n != 0 {
			t.Error("the token itself is in the database")
		}
		if n := f.count(`SELECT COUNT(*) FROM invitations WHERE token_hash = $1`, tokenHash(token)); n != 1 {
			t.Error("the token's hash is not in the database")
		}
		if want := f.clk.Now().Add(7 * 24 * time.Hour); !inv.ExpiresAt.Equal(want) {
			t.Errorf("expires %v, want %v", inv.ExpiresAt, want)
		}
	})
}

func TestAcceptedInvitationMakesTheAccountLogsInAndWorksOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		_, coord, _ := f.login(f.account("coordinator@example.org", RoleCoordinator, "GM0344").Email)
		token, _, err := f.s.Invite(f.ctx, coord, NewInvitation{Email: "Wethouder@example.org", Name: "Wethouder",
			Role: RoleMember, OrgID: coord.OrgID})
		if err != nil {
			t.Fatal(err)
		}
		weak, err := f.s.AcceptInvitation(f.ctx, token, AcceptInvitation{Name: "Wethouder (test)", Password: "kort"})
		if got := problemCodes(err); !slices.Equal(got, []string{"password:password_too_short"}) || weak.Session != "" {
			t.Fatalf("short password: %v", got)
		}
		step, err := f.s.AcceptInvitation(f.ctx, token, AcceptInvitation{Name: "Wethouder (test)", Password: testPassword})
		if err != nil || step.Session == "" || step.NeedsTOTPSetup {
			t.Fatalf("accept: %+v, %v", step, err)
		}
		p, err := f.s.Authenticate(f.ctx, step.Session)
		if err != nil || p.Role != RoleMember || p.OrgID != coord.OrgID || p.Name != "Wethouder (test)" || p.Email != "Wethouder@example.org" {
			t.Fatalf("principal %+v, %v", p, err)
		}
		_, err = f.s.AcceptInvitation(f.ctx, token, AcceptInvitation{Name: "Iemand anders", Password: testPassword})
		wantErr(t, err, ErrInvitationUsed)
		if _, err := f.s.Login(f.ctx, "wethouder@example.org", testPassword, "192.0.2.1:1"); err != nil {
			t.Errorf("login with the chosen password: %v", err)
		}
		for _, a := range []string{"account.create", "invitation.accept"} {
			if f.audits(a) < 1 {
				t.Errorf("%s not audited", a)
			}
		}
		if n := f.count(`SELECT COUNT(*) FROM audit_log WHERE action = 'account.create' AND actor_id = $1`, coord.AccountID); n != 1 {
			t.Errorf("account.create by the inviter audited %d times", n)
		}
	})
}

func TestInvitedCoordinatorSetsUpTOTPBeforeTheFirstSession(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		token, _, err := f.s.Invite(f.ctx, nil, NewInvitation{Email: "griffier@example.org", Name: "Griffier",
			Role: RoleCoordinator, OrgID: f.org("GM0344")})
		if err != nil {
			t.Fatal(err)
		}
		step, err := f.s.AcceptInvitation(f.ctx, token, AcceptInvitation{Name: "Griffier (test)", Password: testPassword})
		if err != nil || step.Session != "" || !step.NeedsTOTPSetup || step.Pending == "" {
			t.Fatalf("accept: %+v, %v", step, err)
		}
		secret, _, err := f.s.BeginTOTPSetup(f.ctx, step.Pending)
		if err != nil {
			t.Fatal(err)
		}
		session, codes, err := f.s.ConfirmTOTPSetup(f.ctx, step.Pending, secret, f.code(secret), "192.0.2.1:1")
		if err != nil || session == "" || len(codes) != RecoveryCodeCount {
			t.Fatalf("confirm: %q %d %v", session, len(codes), err)
		}
	})
}

func TestInvitationLinkStopsWorking(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		org := f.org("GM0344")
		invite := func(email string) (string, Invitation) {
			token, inv, err := f.s.Invite(f.ctx, nil, NewInvitation{Email: email, Name: "X", Role: RoleMember, OrgID: org})
			if err != nil {
				t.Fatal(err)
			}
			return token, inv
		}
		expiring, _ := invite("a@example.org")
		revoked, rinv := invite("b@example.org")
		replaced, _ := invite("c@example.org")
		newest, _ := invite("c@example.org")
		if err := f.s.RevokeInvitation(f.ctx, nil, rinv.ID); err != nil {
			t.Fatal(err)
		}
		_, err := f.s.InvitationByToken(f.ctx, revoked)
		wantErr(t, err, ErrInvitationRevoked)
		_, err = f.s.InvitationByToken(f.ctx, replaced)
		wantErr(t, err, ErrInvitationRevoked)
		if _, err := f.s.InvitationByToken(f.ctx, newest); err != nil {
			t.Errorf("newest invitation: %v", err)
		}
		_, err = f.s.InvitationByToken(f.ctx, strings.Repeat("x", 43))
		wantErr(t, err, ErrInvitationUnknown)

		f.clk.Add(InvitationLifetime - time.Second)
		if _, err := f.s.InvitationByToken(f.ctx, expiring); err != nil {
			t.Errorf("just before 7 days: %v", err)
		}
		f.clk.Add(time.Second)
		_, err = f.s.AcceptInvitation(f.ctx, expiring, AcceptInvitation{Name: "X", Password: testPassword})
		wantErr(t, err, ErrInvitationExpired)
		if n := f.count(`SELECT COUNT(*) FROM accounts`); n != 0 {
			t.Errorf("%d accounts after refused acceptances", n)
		}
	})
}

func TestCoordinatorListsAndRevokesOnlyOwnOrganisationsInvitations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		_, coord, _ := f.login(f.account("coordinator@example.org", RoleCoordinator, "GM0344").Email)
		_, own, _ := f.s.Invite(f.ctx, nil, NewInvitation{Email: "a@example.org", Name: "A", Role: RoleMember, OrgID: coord.OrgID})
		_, other, _ := f.s.Invite(f.ctx, nil, NewInvitation{Email: "b@example.org", Name: "B", Role: RoleMember, OrgID: f.org("GM0363")})
		list, err := f.s.ListInvitations(f.ctx, coord, coord.OrgID)
		if err != nil || len(list) != 1 || list[0].ID != own.ID {
			t.Fatalf("own list: %+v, %v", list, err)
		}
		_, err = f.s.ListInvitations(f.ctx, coord, other.OrgID)
		wantErr(t, err, ErrForbidden)
		_, err = f.s.ListInvitations(f.ctx, coord, 0)
		wantErr(t, err, ErrForbidden)
		wantErr(t, f.s.RevokeInvitation(f.ctx, coord, other.ID), ErrForbidden)
		if err := f.s.RevokeInvitation(f.ctx, coord, own.ID); err != nil {
			t.Fatal(err)
		}
		if f.audits("invitation.revoke") != 1 {
			t.Error("revoke not audited")
		}
		if list, _ := f.s.ListInvitations(f.ctx, coord, coord.OrgID); len(list) != 0 {
			t.Errorf("revoked invitation still listed: %+v", list)
		}
	})
}
