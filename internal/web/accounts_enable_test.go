package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// disable disables the account as the system.
func (e *env) disable(a auth.Account) {
	e.t.Helper()
	if err := e.auth.Disable(context.Background(), nil, a.ID); err != nil {
		e.t.Fatalf("disable %s: %v", a.Email, err)
	}
}

func TestBeheerderEnablesADisabledAccountFromItsPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("beheerder@example.org", auth.RoleAdmin, "")
		member := e.account("raadslid@example.org", auth.RoleMember, "GM0344")
		e.disable(member)
		e.login("beheerder@example.org")
		page := fmt.Sprintf("/accounts/%d", member.ID)

		show := e.get(page)
		wantStatus(t, show, http.StatusOK)
		wantBody(t, show, "Uitgeschakeld", fmt.Sprintf(`action="/accounts/%d/inschakelen"`, member.ID), "Account weer inschakelen")
		wantNotInBody(t, show, fmt.Sprintf(`action="/accounts/%d/uitschakelen"`, member.ID), fmt.Sprintf(`action="/accounts/%d/rol"`, member.ID))

		r := e.post(page+"/inschakelen", url.Values{})
		wantLocation(t, r, page)
		after := e.get(r.Header.Get("Location"))
		wantBody(t, after, "Het account is weer ingeschakeld.", fmt.Sprintf(`action="/accounts/%d/uitschakelen"`, member.ID))
		wantNotInBody(t, after, "Account weer inschakelen")
		if e.accountOf(member.Email).Disabled {
			t.Fatal("account still disabled")
		}
		if e.audits("account.enable") != 1 {
			t.Error("enable not audited")
		}
		e.browser().login(member.Email) // fails the test when refused
	})
}

func TestCoordinatorEnablesOnlyOwnOrganisationsAccounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		own := e.account("raadslid@example.org", auth.RoleMember, "GM0344")
		other := e.account("wethouder.amsterdam@example.org", auth.RoleMember, "GM0363")
		e.disable(own)
		e.disable(other)
		e.login("coordinator@example.org")

		wantStatus(t, e.post(fmt.Sprintf("/accounts/%d/inschakelen", other.ID), url.Values{}), http.StatusForbidden)
		if !e.accountOf(other.Email).Disabled {
			t.Fatal("a coördinator enabled an account of another organisation")
		}
		wantLocation(t, e.post(fmt.Sprintf("/accounts/%d/inschakelen", own.ID), url.Values{}), "/accounts/")
		if e.accountOf(own.Email).Disabled {
			t.Fatal("own organisation's account not enabled")
		}
	})
}

func TestForgedCrossOriginEnableIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("beheerder@example.org", auth.RoleAdmin, "")
		member := e.account("raadslid@example.org", auth.RoleMember, "GM0344")
		e.disable(member)
		e.login("beheerder@example.org")
		r := e.post(fmt.Sprintf("/accounts/%d/inschakelen", member.ID), url.Values{},
			"Origin", "https://aanvaller.example", "Sec-Fetch-Site", "cross-site")
		wantStatus(t, r, http.StatusForbidden)
		wantBody(t, r, "Verzoek geweigerd")
		if !e.accountOf(member.Email).Disabled || e.audits("account.enable") != 0 {
			t.Fatal("a forged request enabled the account")
		}
	})
}
