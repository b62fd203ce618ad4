package accounts_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/webtest"
)

// disable disables the account as the system.
func (e *env) disable(a auth.Account) {
	e.T.Helper()
	if err := e.Auth.Disable(context.Background(), nil, a.ID); err != nil {
		e.T.Fatalf("disable %s: %v", a.Email, err)
	}
}

func TestBeheerderEnablesADisabledAccountFromItsPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("beheerder@example.org", auth.RoleAdmin, "")
		member := e.Account("raadslid@example.org", auth.RoleMember, "GM0344")
		e.disable(member)
		e.Login("beheerder@example.org")
		page := fmt.Sprintf("/accounts/%d", member.ID)

		show := e.Get(page)
		webtest.WantStatus(t, show, http.StatusOK)
		webtest.WantBody(t, show, "Uitgeschakeld", fmt.Sprintf(`action="/accounts/%d/inschakelen"`, member.ID), "Account weer inschakelen")
		webtest.WantNotInBody(t, show, fmt.Sprintf(`action="/accounts/%d/uitschakelen"`, member.ID), fmt.Sprintf(`action="/accounts/%d/rol"`, member.ID))

		r := e.Post(page+"/inschakelen", url.Values{})
		webtest.WantLocation(t, r, page)
		after := e.Get(r.Header.Get("Location"))
		webtest.WantBody(t, after, "Het account is weer ingeschakeld.", fmt.Sprintf(`action="/accounts/%d/uitschakelen"`, member.ID))
		webtest.WantNotInBody(t, after, "Account weer inschakelen")
		if e.AccountOf(member.Email).Disabled {
			t.Fatal("account still disabled")
		}
		if e.Audits("account.enable") != 1 {
			t.Error("enable not audited")
		}
		e.Browser().Login(member.Email) // fails the test when refused
	})
}

func TestCoordinatorEnablesOnlyOwnOrganisationsAccounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		own := e.Account("raadslid@example.org", auth.RoleMember, "GM0344")
		other := e.Account("wethouder.amsterdam@example.org", auth.RoleMember, "GM0363")
		e.disable(own)
		e.disable(other)
		e.Login("coordinator@example.org")

		webtest.WantStatus(t, e.Post(fmt.Sprintf("/accounts/%d/inschakelen", other.ID), url.Values{}), http.StatusForbidden)
		if !e.AccountOf(other.Email).Disabled {
			t.Fatal("a coördinator enabled an account of another organisation")
		}
		webtest.WantLocation(t, e.Post(fmt.Sprintf("/accounts/%d/inschakelen", own.ID), url.Values{}), "/accounts/")
		if e.AccountOf(own.Email).Disabled {
			t.Fatal("own organisation's account not enabled")
		}
	})
}

func TestForgedCrossOriginEnableIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("beheerder@example.org", auth.RoleAdmin, "")
		member := e.Account("raadslid@example.org", auth.RoleMember, "GM0344")
		e.disable(member)
		e.Login("beheerder@example.org")
		r := e.Post(fmt.Sprintf("/accounts/%d/inschakelen", member.ID), url.Values{},
			"Origin", "https://aanvaller.example", "Sec-Fetch-Site", "cross-site")
		webtest.WantStatus(t, r, http.StatusForbidden)
		webtest.WantBody(t, r, "Verzoek geweigerd")
		if !e.AccountOf(member.Email).Disabled || e.Audits("account.enable") != 0 {
			t.Fatal("a forged request enabled the account")
		}
	})
}
