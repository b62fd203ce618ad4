package accounts_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/web/webtest"
)

// accountsEnv is the real web handler with organisations (for the
// picker) and the web's clock set to the test clock, so re-verification
// ages with it.
func accountsEnv(t *testing.T, db *store.DB, opts ...webtest.Option) *env {
	return &env{webtest.Accounts(t, db, opts...)}
}

var inviteLinkRE = regexp.MustCompile(`id="uitnodigingslink">([^<]+)<`)

// invite posts the invitation form and returns the path of the link.
func (e *env) invite(form url.Values) string {
	e.T.Helper()
	r := e.Post("/accounts/uitnodigen", form)
	if r.StatusCode != http.StatusOK {
		e.T.Fatalf("invite: status %d\n%s", r.StatusCode, r.Body)
	}
	m := inviteLinkRE.FindStringSubmatch(r.Body)
	if m == nil {
		e.T.Fatalf("no link on the page:\n%s", r.Body)
	}
	if !strings.HasPrefix(m[1], e.Srv.URL+"/uitnodiging/") {
		e.T.Fatalf("link %q is not on this server", m[1])
	}
	return strings.TrimPrefix(m[1], e.Srv.URL)
}

// accountID returns the id of the account with email.
func (e *env) accountID(email string) int64 {
	e.T.Helper()
	a, err := e.Auth.FindAccountByEmail(context.Background(), nil, email)
	if err != nil {
		e.T.Fatalf("account %s: %v", email, err)
	}
	return a.ID
}

// invitations counts invitation rows.
func (e *env) invitations() int {
	e.T.Helper()
	var n int
	if err := e.DB.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM invitations`).Scan(&n); err != nil {
		e.T.Fatal(err)
	}
	return n
}
