package api

import (
	"net/http"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestAPIAcceptsOnlyValidBearerTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		session, err := f.auth.Login(f.ctx, "member@example.nl", testPassword, "127.0.0.1:1000")
		if err != nil || session.Session == "" {
			t.Fatalf("login: %+v %v", session, err)
		}
		cases := []struct {
			name   string
			header []string
		}{
			{"no credentials", nil},
			{"unknown token", []string{"Authorization", "Bearer wb_" + strings.Repeat("A", 43)}},
			{"token without prefix", []string{"Authorization", "Bearer " + strings.TrimPrefix(f.token["member"], "wb_")}},
			{"basic scheme", []string{"Authorization", "Basic " + f.token["member"]}},
			// The web session of a logged-in browser must not work here:
			// that is what keeps the API free of cross-site forgery.
			{"session cookie", []string{"Cookie", "weerbaar-sessie=" + session.Session}},
		}
		for _, c := range cases {
			res := f.srv.get(t, "/api/v1/mij", "", c.header...)
			if res.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s: status %d, want 401", c.name, res.StatusCode)
				continue
			}
			res.problem(t)
			if !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s: WWW-Authenticate %q", c.name, res.Header.Get("WWW-Authenticate"))
			}
		}
	})
}

func TestMijShowsThePrincipalOfTheToken(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		res := f.as("coordinator", "GET", "/api/v1/mij", nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, res.body)
		}
		for h, want := range map[string]string{"API-Version": Version, "Cache-Control": "no-store"} {
			if got := res.Header.Get(h); got != want {
				t.Errorf("%s %q, want %q", h, got, want)
			}
		}
		var me struct {
			AccountID    int64
			Name         string
			Role         auth.Role
			Organisation *struct{ Code, Name string }
		}
		res.decode(t, &me)
		if me.AccountID != f.account["coordinator"].ID || me.Role != auth.RoleCoordinator ||
			me.Organisation == nil || me.Organisation.Code != "GM0344" || me.Organisation.Name != "Utrecht" {
			t.Errorf("mij = %+v", me)
		}
		res = f.as("supportTeam", "GET", "/api/v1/mij", nil)
		var national map[string]any
		res.decode(t, &national)
		if v, ok := national["organisation"]; !ok || v != nil {
			t.Errorf("national role: organisation %v, want null", v)
		}
	})
}

// TestTokenFailuresAreRateLimited: after too many wrong tokens from one
// address, even a right one waits until the window has passed.
func TestTokenFailuresAreRateLimited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		bad := "wb_" + strings.Repeat("B", 43)
		for i := 0; i < tokenFailureLimit; i++ {
			if res := f.srv.get(t, "/api/v1/mij", bad); res.StatusCode != http.StatusUnauthorized {
				t.Fatalf("attempt %d: status %d, want 401", i+1, res.StatusCode)
			}
		}
		res := f.as("member", "GET", "/api/v1/mij", nil)
		if res.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("after %d failures: status %d, want 429", tokenFailureLimit, res.StatusCode)
		}
		res.problem(t)
		if res.Header.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
		f.clock.t = f.clock.t.Add(tokenFailureWindow)
		if res := f.as("member", "GET", "/api/v1/mij", nil); res.StatusCode != http.StatusOK {
			t.Errorf("after the window: status %d, want 200", res.StatusCode)
		}
	})
}

func TestAPITokensCanBeListedCreatedAndRevoked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		res := f.as("member", "POST", "/api/v1/api-tokens", map[string]any{"name": "koppeling"})
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("create: status %d: %s", res.StatusCode, res.body)
		}
		var created struct {
			ID         int64
			Name, Hint string
			Token      string
			CreatedAt  string
			LastUsedAt *string
		}
		res.decode(t, &created)
		if !strings.HasPrefix(created.Token, auth.APITokenPrefix) || !strings.HasPrefix(created.Token, created.Hint) ||
			created.Name != "koppeling" || created.LastUsedAt != nil {
			t.Errorf("created %+v", created)
		}
		if loc := res.Header.Get("Location"); !strings.HasSuffix(loc, "/api/v1/api-tokens/"+itoa(created.ID)) {
			t.Errorf("Location %q", loc)
		}
		if res := f.srv.get(t, "/api/v1/mij", created.Token); res.StatusCode != http.StatusOK {
			t.Fatalf("new token: status %d", res.StatusCode)
		}

		res = f.as("member", "GET", "/api/v1/api-tokens", nil)
		if strings.Contains(string(res.body), created.Token) {
			t.Error("the list shows a token's secret")
		}
		var list struct{ Items []struct{ ID int64 } }
		res.decode(t, &list)
		if len(list.Items) != 2 {
			t.Errorf("list has %d tokens, want 2 (fixture's and new)", len(list.Items))
		}

		// Someone else's token cannot be revoked, and says not found.
		if res := f.as("member2", "DELETE", "/api/v1/api-tokens/"+itoa(created.ID), nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("revoke other's token: status %d, want 404", res.StatusCode)
		}
		res = f.as("member", "DELETE", "/api/v1/api-tokens/"+itoa(created.ID), nil)
		if res.StatusCode != http.StatusNoContent || res.Header.Get("API-Version") != Version {
			t.Fatalf("revoke: status %d, API-Version %q", res.StatusCode, res.Header.Get("API-Version"))
		}
		if res := f.srv.get(t, "/api/v1/mij", created.Token); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("revoked token: status %d, want 401", res.StatusCode)
		}
		if res := f.as("member", "DELETE", "/api/v1/api-tokens/abc", nil); res.StatusCode != http.StatusBadRequest {
			t.Errorf("revoke id abc: status %d, want 400", res.StatusCode)
		} else if p := res.problem(t); len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "id" {
			t.Errorf("revoke id abc: %+v", p)
		}
		res = f.as("member", "POST", "/api/v1/api-tokens", map[string]any{"name": ""})
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("empty name: status %d", res.StatusCode)
		}
		p := res.problem(t)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "name" || p.InvalidParams[0].Reason != f.cat.T("nl", "valid.required") {
			t.Errorf("empty name: %+v", p.InvalidParams)
		}
	})
}
