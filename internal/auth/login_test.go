package auth

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestLoginFailsAlikeForUnknownEmailWrongPasswordAndDisabledAccount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		gone := f.account("oud-raadslid@example.nl", RoleMember, "GM0344")
		if err := f.s.Disable(f.ctx, nil, gone.ID); err != nil {
			t.Fatal(err)
		}
		cases := []struct{ rule, email, pw, reason string }{
			{"unknown e-mail address", "niemand@example.nl", testPassword, "unknown_email"},
			{"wrong password", "raadslid@example.nl", "verkeerd wachtwoord", "wrong_password"},
			{"disabled account", "oud-raadslid@example.nl", testPassword, "disabled"},
		}
		var first string
		for _, c := range cases {
			before := f.s.hashes.Load()
			_, err := f.s.Login(f.ctx, c.email, c.pw, "192.0.2.1:4000")
			wantErr(t, err, ErrInvalidCredentials)
			if first == "" {
				first = err.Error()
			} else if err.Error() != first {
				t.Errorf("%s: message %q differs from %q", c.rule, err, first)
			}
			if n := f.s.hashes.Load() - before; n != 1 {
				t.Errorf("%s: ran argon2 %d times, want exactly 1 like every other path", c.rule, n)
			}
			if n := f.count(`SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed' AND detail = $1`, "reason="+c.reason); n != 1 {
				t.Errorf("%s: %d login.failed audits with reason %s, want 1", c.rule, n, c.reason)
			}
		}
		if n := f.count(`SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%verkeerd%' OR detail LIKE '%192.0.2%' OR detail LIKE '%niemand%'`); n != 0 {
			t.Fatalf("%d audit rows hold a password, address or typed e-mail", n)
		}
	})
}

func TestLoginIsRateLimitedPerAccountUntilTheWindowPasses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		for i := 0; i < MaxAccountFailures; i++ {
			addr := "198.51.100." + string(rune('1'+i%9)) // many addresses: the account limit counts them together
			_, err := f.s.Login(f.ctx, "raadslid@example.nl", "verkeerd wachtwoord", addr)
			wantErr(t, err, ErrInvalidCredentials)
		}
		_, err := f.s.Login(f.ctx, "raadslid@example.nl", testPassword, "203.0.113.5")
		wantErr(t, err, ErrRateLimited)
		if f.audits("login.rate_limited") != 1 {
			t.Fatal("rate limit not audited")
		}
		// An unknown address is limited the same way, so the limit tells nothing.
		for i := 0; i < MaxAccountFailures; i++ {
			f.s.Login(f.ctx, "niemand@example.nl", "verkeerd wachtwoord", "203.0.113.6")
		}
		_, err = f.s.Login(f.ctx, "niemand@example.nl", "verkeerd wachtwoord", "203.0.113.7")
		wantErr(t, err, ErrRateLimited)

		f.clk.Add(FailureWindow - time.Second)
		_, err = f.s.Login(f.ctx, "raadslid@example.nl", testPassword, "203.0.113.5")
		wantErr(t, err, ErrRateLimited)
		f.clk.Add(time.Second)
		if _, err := f.s.Login(f.ctx, "raadslid@example.nl", testPassword, "203.0.113.5"); err != nil {
			t.Fatalf("login after the window: %v", err)
		}
	})
}

func TestLoginIsRateLimitedPerAddressAcrossAccounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		for i := 0; i < MaxAddressFailures; i++ {
			email := "onbekend" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "@example.nl"
			f.s.Login(f.ctx, email, "verkeerd wachtwoord", "[2001:db8:1:2::1]:443")
		}
		// Another address in the same /64 is the same client.
		_, err := f.s.Login(f.ctx, "raadslid@example.nl", testPassword, "[2001:db8:1:2::99]:443")
		wantErr(t, err, ErrRateLimited)
		if _, err := f.s.Login(f.ctx, "raadslid@example.nl", testPassword, "[2001:db8:1:3::1]:443"); err != nil {
			t.Fatalf("login from another network: %v", err)
		}
		// Every subject is a kind and a keyed hash, never an address:
		// "a:" or "e:" and 64 hexadecimal digits (a hash may well contain
		// "2001" by chance, so the test checks the form, not a fragment).
		rows, err := db.QueryContext(f.ctx, `SELECT subject FROM login_failures`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		hashed := regexp.MustCompile(`^[ae]:[0-9a-f]{64}$`)
		n := 0
		for rows.Next() {
			var subject string
			if err := rows.Scan(&subject); err != nil {
				t.Fatal(err)
			}
			if !hashed.MatchString(subject) {
				t.Errorf("failure row holds %q, not a keyed hash", subject)
			}
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Fatal("no failure rows recorded")
		}
	})
}

func TestRateLimitIsSharedByEveryAppServer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		other := NewService(db, audit.New(db), Options{Now: f.clk.Now, Argon2: cheapArgon2, Vault: f.s.opts.Vault})
		for i := 0; i < MaxAccountFailures; i++ {
			srv := f.s
			if i%2 == 1 {
				srv = other
			}
			srv.Login(f.ctx, "raadslid@example.nl", "verkeerd wachtwoord", "192.0.2.1")
		}
		_, err := other.Login(f.ctx, "raadslid@example.nl", testPassword, "192.0.2.1")
		wantErr(t, err, ErrRateLimited)
	})
}

func TestMemberLogsInWithPasswordAndIsOfferedTOTP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		a := f.account("raadslid@example.nl", RoleMember, "GM0344")
		step, err := f.s.Login(f.ctx, "RAADSLID@example.nl", testPassword, "192.0.2.1")
		if err != nil {
			t.Fatal(err)
		}
		if step.Session == "" || step.Pending != "" || step.NeedsTOTP || step.NeedsTOTPSetup || !step.OfferTOTP {
			t.Fatalf("step = %+v, want a session and the TOTP offer", step)
		}
		p, err := f.s.Authenticate(f.ctx, step.Session)
		if err != nil || p.AccountID != a.ID || p.OrgID != f.org("GM0344") || p.Role != RoleMember {
			t.Fatalf("principal = %+v, %v", p, err)
		}
		if f.audits("login") != 1 {
			t.Fatal("login not audited")
		}
	})
}

func TestEveryStaffRoleMustSetUpTOTPBeforeGettingASession(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		for _, c := range []struct {
			role Role
			org  string
		}{{RoleCoordinator, "GM0344"}, {RoleSupportTeam, ""}, {RolePartner, "NVvR"}, {RoleSecretariat, ""}, {RoleAdmin, ""}} {
			email := string(c.role) + "@example.nl"
			f.account(email, c.role, c.org)
			step, err := f.s.Login(f.ctx, email, testPassword, "192.0.2.1")
			if err != nil {
				t.Fatal(err)
			}
			if step.Session != "" || !step.NeedsTOTPSetup || step.Pending == "" {
				t.Fatalf("%s: step = %+v, want only a pending token for TOTP set-up", c.role, step)
			}
			_, err = f.s.Authenticate(f.ctx, step.Pending)
			wantErr(t, err, ErrNoSession)
			_, err = f.s.LoginTOTP(f.ctx, step.Pending, "123456", "192.0.2.1")
			wantErr(t, err, ErrNoSession)
			secret, url, err := f.s.BeginTOTPSetup(f.ctx, step.Pending)
			if err != nil || !strings.HasPrefix(url, "otpauth://totp/Weerbaar:") || !strings.Contains(url, "period=30") {
				t.Fatalf("%s: begin = %q, %v", c.role, url, err)
			}
			_, _, err = f.s.ConfirmTOTPSetup(f.ctx, step.Pending, secret, "000000", "192.0.2.1")
			wantErr(t, err, ErrInvalidCode)
			session, codes, err := f.s.ConfirmTOTPSetup(f.ctx, step.Pending, secret, f.code(secret), "192.0.2.1")
			if err != nil || len(codes) != RecoveryCodeCount {
				t.Fatalf("%s: confirm: %d codes, %v", c.role, len(codes), err)
			}
			if _, err := f.s.Authenticate(f.ctx, session); err != nil {
				t.Fatalf("%s: session after set-up: %v", c.role, err)
			}
			_, _, err = f.s.ConfirmTOTPSetup(f.ctx, step.Pending, secret, f.code(secret), "192.0.2.1")
			wantErr(t, err, ErrNoSession) // the pending token is used up

			f.clk.Add(time.Minute)
			step, err = f.s.Login(f.ctx, email, testPassword, "192.0.2.1")
			if err != nil || !step.NeedsTOTP || step.Session != "" {
				t.Fatalf("%s: second login step = %+v, %v; want TOTP asked", c.role, step, err)
			}
			if _, err := f.s.LoginTOTP(f.ctx, step.Pending, f.code(secret), "192.0.2.1"); err != nil {
				t.Fatalf("%s: login with TOTP: %v", c.role, err)
			}
		}
		if f.audits("totp.set") != 5 {
			t.Fatalf("totp.set audited %d times, want 5", f.audits("totp.set"))
		}
	})
}
