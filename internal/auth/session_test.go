package auth

import (
	"encoding/base64"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestSessionTokenIsNewAtEveryLoginHas256BitsAndIsStoredHashed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		first, _, _ := f.login("raadslid@example.nl")
		second, _, _ := f.login("raadslid@example.nl")
		if first == second {
			t.Fatal("same token at a second login")
		}
		raw, err := base64.RawURLEncoding.DecodeString(first)
		if err != nil || len(raw) != 32 {
			t.Fatalf("token %q is not 32 random bytes in base64url", first)
		}
		if n := f.count(`SELECT COUNT(*) FROM sessions WHERE token_hash = $1`, first); n != 0 {
			t.Fatal("token stored in the clear")
		}
		if n := f.count(`SELECT COUNT(*) FROM sessions WHERE token_hash = $1`, tokenHash(first)); n != 1 {
			t.Fatal("token hash not stored")
		}
		_, err = f.s.Authenticate(f.ctx, "")
		wantErr(t, err, ErrNoSession)
		_, err = f.s.Authenticate(f.ctx, "onzin")
		wantErr(t, err, ErrNoSession)
	})
}

func TestSessionEndsAfterIdleTimeoutAndAbsoluteTimeout(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		idle, _, _ := f.login("raadslid@example.nl")
		f.clk.Add(30*time.Minute - time.Second)
		if _, err := f.s.Authenticate(f.ctx, idle); err != nil {
			t.Fatalf("just under the idle timeout: %v", err)
		}
		f.clk.Add(30 * time.Minute)
		_, err := f.s.Authenticate(f.ctx, idle)
		wantErr(t, err, ErrNoSession)

		busy, _, _ := f.login("raadslid@example.nl")
		for elapsed := time.Duration(0); elapsed < 12*time.Hour-20*time.Minute; elapsed += 20 * time.Minute {
			f.clk.Add(20 * time.Minute)
			if _, err := f.s.Authenticate(f.ctx, busy); err != nil {
				t.Fatalf("active session ended after %s: %v", elapsed+20*time.Minute, err)
			}
		}
		f.clk.Add(20 * time.Minute)
		_, err = f.s.Authenticate(f.ctx, busy)
		wantErr(t, err, ErrNoSession)
	})
}

func TestAuthenticateWritesLastSeenAtMostOnceAMinute(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		token, _, _ := f.login("raadslid@example.nl")
		lastSeen := func() time.Time {
			var at time.Time
			db.QueryRowContext(f.ctx, `SELECT last_seen_at FROM sessions WHERE token_hash = $1`, tokenHash(token)).Scan(&at)
			return at.UTC()
		}
		start := lastSeen()
		f.clk.Add(59 * time.Second)
		f.s.Authenticate(f.ctx, token)
		if !lastSeen().Equal(start) {
			t.Fatal("last seen written within the minute")
		}
		f.clk.Add(time.Second)
		f.s.Authenticate(f.ctx, token)
		if got := lastSeen(); !got.Equal(f.clk.Now()) {
			t.Fatalf("last seen = %s, want %s", got, f.clk.Now())
		}
	})
}

func TestLogoutLogoutEverywhereAndRevokingOwnSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		f.account("wethouder@example.nl", RoleMember, "GM0344")
		a, _, _ := f.login("raadslid@example.nl")
		b, pb, _ := f.login("raadslid@example.nl")
		c, pc, _ := f.login("raadslid@example.nl")
		_, other, _ := f.login("wethouder@example.nl")

		if err := f.s.Logout(f.ctx, a); err != nil {
			t.Fatal(err)
		}
		_, err := f.s.Authenticate(f.ctx, a)
		wantErr(t, err, ErrNoSession)

		list, err := f.s.ListSessions(f.ctx, pb)
		if err != nil || len(list) != 2 {
			t.Fatalf("sessions = %d, %v; want 2", len(list), err)
		}
		current := 0
		for _, x := range list {
			if x.Current {
				current++
			}
		}
		if current != 1 {
			t.Fatalf("%d sessions marked current, want 1", current)
		}
		wantErr(t, f.s.RevokeSession(f.ctx, other, pc.SessionID), ErrNotFound)
		if err := f.s.RevokeSession(f.ctx, pb, pc.SessionID); err != nil {
			t.Fatal(err)
		}
		_, err = f.s.Authenticate(f.ctx, c)
		wantErr(t, err, ErrNoSession)

		d, _, _ := f.login("raadslid@example.nl")
		if err := f.s.LogoutEverywhere(f.ctx, pb); err != nil {
			t.Fatal(err)
		}
		for _, tok := range []string{b, d} {
			_, err := f.s.Authenticate(f.ctx, tok)
			wantErr(t, err, ErrNoSession)
		}
		if _, err := f.s.Authenticate(f.ctx, mustToken(t, f, "wethouder@example.nl")); err != nil {
			t.Fatal("another person's session ended")
		}
		for _, action := range []string{"logout", "session.revoke", "logout.everywhere"} {
			if f.audits(action) != 1 {
				t.Errorf("%s not audited", action)
			}
		}
	})
}

func mustToken(t *testing.T, f *fixture, email string) string {
	tok, _, _ := f.login(email)
	return tok
}

func TestOwnPasswordChangeEndsOtherSessionsAndKeepsTheCurrentOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		other, _, _ := f.login("raadslid@example.nl")
		current, p, _ := f.login("raadslid@example.nl")
		wantErr(t, f.s.ChangePassword(f.ctx, p, "fout wachtwoord", "een nieuw lang wachtwoord"), ErrInvalidCredentials)
		if err := f.s.ChangePassword(f.ctx, p, testPassword, "kort"); err == nil {
			t.Fatal("short password accepted")
		}
		if err := f.s.ChangePassword(f.ctx, p, testPassword, "een nieuw lang wachtwoord"); err != nil {
			t.Fatal(err)
		}
		_, err := f.s.Authenticate(f.ctx, other)
		wantErr(t, err, ErrNoSession)
		if _, err := f.s.Authenticate(f.ctx, current); err != nil {
			t.Fatalf("current session ended: %v", err)
		}
		_, err = f.s.Login(f.ctx, "raadslid@example.nl", testPassword, "192.0.2.1")
		wantErr(t, err, ErrInvalidCredentials)
		if _, err := f.s.Login(f.ctx, "raadslid@example.nl", "een nieuw lang wachtwoord", "192.0.2.1"); err != nil {
			t.Fatalf("login with new password: %v", err)
		}
		if f.audits("password.change") != 1 {
			t.Fatal("password change not audited")
		}
	})
}

func TestPasswordSetByAdministratorEndsEverySession(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		a := f.account("raadslid@example.nl", RoleMember, "GM0344")
		tok, _, _ := f.login("raadslid@example.nl")
		if err := f.s.SetPassword(f.ctx, nil, a.ID, "door de beheerder gezet"); err != nil {
			t.Fatal(err)
		}
		_, err := f.s.Authenticate(f.ctx, tok)
		wantErr(t, err, ErrNoSession)
		if f.audits("password.set") != 1 {
			t.Fatal("password set not audited")
		}
	})
}

func TestSecondFactorChangesEndOtherSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		admin := f.account("beheerder@example.nl", RoleAdmin, "")
		_, _, secret := f.login("beheerder@example.nl")
		f.clk.Add(time.Minute)
		step, _ := f.s.Login(f.ctx, "beheerder@example.nl", testPassword, "192.0.2.1")
		other, _ := f.s.LoginTOTP(f.ctx, step.Pending, f.code(secret), "192.0.2.1")
		f.clk.Add(time.Minute)
		step, _ = f.s.Login(f.ctx, "beheerder@example.nl", testPassword, "192.0.2.1")
		current, _ := f.s.LoginTOTP(f.ctx, step.Pending, f.code(secret), "192.0.2.1")
		p, _ := f.s.Authenticate(f.ctx, current)

		f.clk.Add(ReverifyWindow)
		_, _, err := f.s.BeginTOTP(f.ctx, p)
		wantErr(t, err, ErrReverifyRequired)
		_, err = f.s.NewRecoveryCodes(f.ctx, p)
		wantErr(t, err, ErrReverifyRequired)
		if err := f.s.Reverify(f.ctx, p, testPassword); err != nil {
			t.Fatal(err)
		}
		newSecret, _, err := f.s.BeginTOTP(f.ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.s.ConfirmTOTP(f.ctx, p, newSecret, "000000")
		wantErr(t, err, ErrInvalidCode)
		if _, err := f.s.ConfirmTOTP(f.ctx, p, newSecret, f.code(newSecret)); err != nil {
			t.Fatal(err)
		}
		_, err = f.s.Authenticate(f.ctx, other)
		wantErr(t, err, ErrNoSession)
		if _, err := f.s.Authenticate(f.ctx, current); err != nil {
			t.Fatalf("current session ended: %v", err)
		}
		codes, err := f.s.NewRecoveryCodes(f.ctx, p)
		if err != nil || len(codes) != RecoveryCodeCount {
			t.Fatalf("new recovery codes: %d, %v", len(codes), err)
		}
		if left, _ := f.s.RecoveryCodesLeft(f.ctx, p); left != RecoveryCodeCount {
			t.Fatalf("%d codes left, want %d", left, RecoveryCodeCount)
		}

		if err := f.s.ResetTOTP(f.ctx, nil, admin.ID); err != nil {
			t.Fatal(err)
		}
		_, err = f.s.Authenticate(f.ctx, current)
		wantErr(t, err, ErrNoSession)
		step, _ = f.s.Login(f.ctx, "beheerder@example.nl", testPassword, "192.0.2.1")
		if !step.NeedsTOTPSetup {
			t.Fatalf("after reset: step = %+v, want TOTP set-up", step)
		}
		for _, action := range []string{"totp.set", "recovery_codes.new", "totp.reset", "reverify"} {
			if f.audits(action) == 0 {
				t.Errorf("%s not audited", action)
			}
		}
	})
}

func TestCoordinatorCannotResetAnotherPersonsSecondFactor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("griffier@example.nl", RoleCoordinator, "GM0344")
		member := f.account("raadslid@example.nl", RoleMember, "GM0344")
		_, coord, _ := f.login("griffier@example.nl")
		wantErr(t, f.s.ResetTOTP(f.ctx, coord, member.ID), ErrForbidden)
	})
}
