package auth

import (
	"strings"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestAPITokenActsWithItsOwnersCurrentRoleAndOrganisation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		a := f.account("raadslid@example.nl", RoleMember, "GM0344")
		_, p, _ := f.login("raadslid@example.nl")
		token, info, err := f.s.CreateAPIToken(f.ctx, p, "rapportage")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(token, "wb_") || len(token) < 40 || !strings.HasPrefix(token, info.Hint) {
			t.Fatalf("token %q hint %q", token, info.Hint)
		}
		if n := f.count(`SELECT COUNT(*) FROM api_tokens WHERE token_hash = $1`, token); n != 0 {
			t.Fatal("token stored in the clear")
		}
		got, err := f.s.AuthenticateAPIToken(f.ctx, token)
		if err != nil || got.AccountID != a.ID || got.Role != RoleMember || got.SessionID != 0 || got.RecentlyVerified(f.clk.Now()) {
			t.Fatalf("principal = %+v, %v", got, err)
		}
		if err := f.s.SetRole(f.ctx, nil, a.ID, RoleCoordinator, f.org("GM0363")); err != nil {
			t.Fatal(err)
		}
		got, _ = f.s.AuthenticateAPIToken(f.ctx, token)
		if got.Role != RoleCoordinator || got.OrgID != f.org("GM0363") {
			t.Fatalf("after role change: %+v, want coordinator of GM0363", got)
		}
		list, _ := f.s.ListAPITokens(f.ctx, p)
		if len(list) != 1 || list[0].LastUsedAt.IsZero() || list[0].Name != "rapportage" {
			t.Fatalf("list = %+v", list)
		}
		_, err = f.s.AuthenticateAPIToken(f.ctx, "wb_onzin")
		wantErr(t, err, ErrNoSession)
		_, err = f.s.Authenticate(f.ctx, token)
		wantErr(t, err, ErrNoSession)
	})
}

func TestAPITokenRevokedOnlyByItsOwnerAndThenRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		f.account("wethouder@example.nl", RoleMember, "GM0344")
		_, p, _ := f.login("raadslid@example.nl")
		_, other, _ := f.login("wethouder@example.nl")
		token, info, _ := f.s.CreateAPIToken(f.ctx, p, "script")
		wantErr(t, f.s.RevokeAPIToken(f.ctx, other, info.ID), ErrNotFound)
		if err := f.s.RevokeAPIToken(f.ctx, p, info.ID); err != nil {
			t.Fatal(err)
		}
		_, err := f.s.AuthenticateAPIToken(f.ctx, token)
		wantErr(t, err, ErrNoSession)
		if list, _ := f.s.ListAPITokens(f.ctx, p); len(list) != 0 {
			t.Fatalf("revoked token still listed: %+v", list)
		}
		if f.audits("api_token.create") != 1 || f.audits("api_token.revoke") != 1 {
			t.Fatal("token create/revoke not audited")
		}
		_, _, err = f.s.CreateAPIToken(f.ctx, p, " ")
		if got := problemCodes(err); len(got) != 1 || got[0] != "name:required" {
			t.Fatalf("token without name: %v", got)
		}
	})
}

func TestAPITokenLastUseIsWrittenAtMostOnceAMinute(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		_, p, _ := f.login("raadslid@example.nl")
		token, _, _ := f.s.CreateAPIToken(f.ctx, p, "script")
		f.s.AuthenticateAPIToken(f.ctx, token)
		first, _ := f.s.ListAPITokens(f.ctx, p)
		f.clk.Add(30 * time.Second)
		f.s.AuthenticateAPIToken(f.ctx, token)
		second, _ := f.s.ListAPITokens(f.ctx, p)
		if !second[0].LastUsedAt.Equal(first[0].LastUsedAt) {
			t.Fatal("last use written twice within a minute")
		}
	})
}
