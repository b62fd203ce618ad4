package auth

import (
	"strings"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestMemberWithTOTPIsAskedForIt(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		_, p, _ := f.login("raadslid@example.nl")
		secret, _, err := f.s.BeginTOTP(f.ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.ConfirmTOTP(f.ctx, p, secret, f.code(secret)); err != nil {
			t.Fatal(err)
		}
		step, err := f.s.Login(f.ctx, "raadslid@example.nl", testPassword, "192.0.2.1")
		if err != nil || !step.NeedsTOTP || step.Session != "" {
			t.Fatalf("step = %+v, %v; want TOTP asked", step, err)
		}
	})
}

func TestTOTPCodeWorksOnlyOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("griffier@example.nl", RoleCoordinator, "GM0344")
		_, _, secret := f.login("griffier@example.nl") // uses the code of this time step
		step, _ := f.s.Login(f.ctx, "griffier@example.nl", testPassword, "192.0.2.1")
		_, err := f.s.LoginTOTP(f.ctx, step.Pending, f.code(secret), "192.0.2.1")
		wantErr(t, err, ErrInvalidCode)
		f.clk.Add(30 * time.Second)
		code := f.code(secret)
		if _, err := f.s.LoginTOTP(f.ctx, step.Pending, code, "192.0.2.1"); err != nil {
			t.Fatalf("fresh code: %v", err)
		}
		step, _ = f.s.Login(f.ctx, "griffier@example.nl", testPassword, "192.0.2.1")
		_, err = f.s.LoginTOTP(f.ctx, step.Pending, code, "192.0.2.1")
		wantErr(t, err, ErrInvalidCode)
	})
}

func TestTOTPAcceptsOneStepOfClockSkewEitherWay(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 0, 15, 0, time.UTC)
	secret, _, err := newTOTPKey("griffier@example.nl")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		rule   string
		offset time.Duration
		want   bool
	}{
		{"code of this step", 0, true},
		{"code of the step before", -30 * time.Second, true},
		{"code of the step after", 30 * time.Second, true},
		{"code two steps old", -60 * time.Second, false},
		{"code two steps ahead", 60 * time.Second, false},
	} {
		code, _ := totpCodeAt(secret, now.Add(c.offset))
		if _, ok := matchTOTP(secret, code, now, 0); ok != c.want {
			t.Errorf("%s: accepted = %v, want %v", c.rule, ok, c.want)
		}
	}
	if _, ok := matchTOTP("AAAA", "123456", now, 0); ok {
		t.Error("a secret shorter than 160 bits accepted")
	}
}

func TestRecoveryCodeLogsInOnceAndIsStoredHashed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("griffier@example.nl", RoleCoordinator, "GM0344")
		step, _ := f.s.Login(f.ctx, "griffier@example.nl", testPassword, "192.0.2.1")
		secret, _, _ := f.s.BeginTOTPSetup(f.ctx, step.Pending)
		_, codes, err := f.s.ConfirmTOTPSetup(f.ctx, step.Pending, secret, f.code(secret), "192.0.2.1")
		if err != nil {
			t.Fatal(err)
		}
		if n := f.count(`SELECT COUNT(*) FROM recovery_codes WHERE code_hash = $1 OR code_hash = $2`, codes[0], normalizeRecoveryCode(codes[0])); n != 0 {
			t.Fatal("recovery code stored in the clear")
		}
		step, _ = f.s.Login(f.ctx, "griffier@example.nl", testPassword, "192.0.2.1")
		if _, err := f.s.LoginTOTP(f.ctx, step.Pending, strings.ToUpper(codes[0]), "192.0.2.1"); err != nil {
			t.Fatalf("recovery code (upper case): %v", err)
		}
		step, _ = f.s.Login(f.ctx, "griffier@example.nl", testPassword, "192.0.2.1")
		_, err = f.s.LoginTOTP(f.ctx, step.Pending, codes[0], "192.0.2.1")
		wantErr(t, err, ErrInvalidCode)
		if f.count(`SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND detail LIKE '%recovery_code%'`) != 1 {
			t.Fatal("login by recovery code not audited as such")
		}
	})
}

func TestPendingTokenEndsAfterFiveWrongCodesOrFiveMinutes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("griffier@example.nl", RoleCoordinator, "GM0344")
		_, _, secret := f.login("griffier@example.nl")
		f.clk.Add(time.Minute)
		step, _ := f.s.Login(f.ctx, "griffier@example.nl", testPassword, "192.0.2.1")
		for i := 0; i < maxChallengeTries; i++ {
			_, err := f.s.LoginTOTP(f.ctx, step.Pending, "000000", "192.0.2.1")
			wantErr(t, err, ErrInvalidCode)
		}
		_, err := f.s.LoginTOTP(f.ctx, step.Pending, f.code(secret), "192.0.2.1")
		wantErr(t, err, ErrNoSession)

		step, _ = f.s.Login(f.ctx, "griffier@example.nl", testPassword, "192.0.2.1")
		f.clk.Add(ChallengeLifetime)
		_, err = f.s.LoginTOTP(f.ctx, step.Pending, f.code(secret), "192.0.2.1")
		wantErr(t, err, ErrNoSession)
	})
}

func TestTOTPSecretIsStoredEncryptedAndErasedOnReset(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		a := f.account("griffier@example.nl", RoleCoordinator, "GM0344")
		_, _, secret := f.login("griffier@example.nl")
		var sealed []byte
		var keyID int64
		db.QueryRowContext(f.ctx, `SELECT totp_secret, totp_key_id FROM accounts WHERE id = $1`, a.ID).Scan(&sealed, &keyID)
		if len(sealed) == 0 || keyID == 0 || strings.Contains(string(sealed), secret) {
			t.Fatalf("secret stored as %q with key %d, want sealed by the vault", sealed, keyID)
		}
		if err := f.s.ResetTOTP(f.ctx, nil, a.ID); err != nil {
			t.Fatal(err)
		}
		if n := f.count(`SELECT COUNT(*) FROM data_keys WHERE id = $1 AND wrapped IS NULL`, keyID); n != 1 {
			t.Fatal("data key of the old secret not erased")
		}
	})
}

func TestWithoutVaultTOTPSetUpFailsInsteadOfStoringTheSecretInTheClear(t *testing.T) {
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	f.s.opts.Vault = nil
	f.account("griffier@example.nl", RoleCoordinator, "GM0344")
	step, _ := f.s.Login(f.ctx, "griffier@example.nl", testPassword, "192.0.2.1")
	secret, _, _ := f.s.BeginTOTPSetup(f.ctx, step.Pending)
	_, _, err := f.s.ConfirmTOTPSetup(f.ctx, step.Pending, secret, f.code(secret), "192.0.2.1")
	wantErr(t, err, errNoVault)
	if n := f.count(`SELECT COUNT(*) FROM accounts WHERE totp_secret IS NOT NULL`); n != 0 {
		t.Fatal("secret stored without vault")
	}
}
