package auth

import (
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestSensitiveViewsAskAgainAfterFifteenMinutes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("griffier@example.nl", RoleCoordinator, "GM0344")
		token, p, secret := f.login("griffier@example.nl")
		if !p.RecentlyVerified(f.clk.Now()) {
			t.Fatal("not verified right after login")
		}
		f.clk.Add(ReverifyWindow - time.Second)
		p, _ = f.s.Authenticate(f.ctx, token)
		if !p.RecentlyVerified(f.clk.Now()) {
			t.Fatal("not verified just under 15 minutes after login")
		}
		f.clk.Add(time.Second)
		p, _ = f.s.Authenticate(f.ctx, token)
		if p.RecentlyVerified(f.clk.Now()) {
			t.Fatal("still verified 15 minutes after login")
		}
		wantErr(t, f.s.Reverify(f.ctx, p, "fout wachtwoord"), ErrInvalidCredentials)
		wantErr(t, f.s.Reverify(f.ctx, p, "000000"), ErrInvalidCredentials)
		if err := f.s.Reverify(f.ctx, p, f.code(secret)); err != nil {
			t.Fatalf("reverify with TOTP: %v", err)
		}
		if !p.RecentlyVerified(f.clk.Now()) {
			t.Fatal("principal not updated by Reverify")
		}
		p, _ = f.s.Authenticate(f.ctx, token)
		if !p.RecentlyVerified(f.clk.Now()) {
			t.Fatal("session not updated by Reverify")
		}
		wantErr(t, f.s.Reverify(f.ctx, p, f.code(secret)), ErrInvalidCredentials) // code used up
		f.clk.Add(ReverifyWindow)
		p, _ = f.s.Authenticate(f.ctx, token)
		if err := f.s.Reverify(f.ctx, p, testPassword); err != nil || !p.RecentlyVerified(f.clk.Now()) {
			t.Fatalf("reverify with password: %v", err)
		}
		if f.audits("reverify") != 2 || f.audits("reverify.failed") != 3 {
			t.Fatalf("reverify audits %d ok, %d failed; want 2, 3", f.audits("reverify"), f.audits("reverify.failed"))
		}
	})
}

func TestReverifyIsRateLimited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		_, p, _ := f.login("raadslid@example.nl")
		for i := 0; i < MaxAccountFailures; i++ {
			f.s.Reverify(f.ctx, p, "fout wachtwoord")
		}
		wantErr(t, f.s.Reverify(f.ctx, p, testPassword), ErrRateLimited)
	})
}

func TestRecentlyVerifiedNeedsAVerification(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	var nobody *Principal
	if nobody.RecentlyVerified(now) || (&Principal{}).RecentlyVerified(now) {
		t.Fatal("never verified counts as recently verified")
	}
}
