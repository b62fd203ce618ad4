package e2e

import (
	"context"
	"crypto/rand"
	"fmt"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/org"
)

// person is an account a journey logs in with.
type person struct {
	Email    string
	Password string
	Name     string
	Account  auth.Account
}

// newPerson creates an account with role in the organisation with orgCode
// ("" for a national role) through the accounts service, as a beheerder on
// the command line would. Names are role descriptions, never invented people.
func (s *server) newPerson(t *testing.T, role auth.Role, orgCode, name string) person {
	t.Helper()
	ctx := context.Background()
	var orgID int64
	if orgCode != "" {
		o, err := org.New(s.App.DB).ByCode(ctx, orgCode)
		if err != nil {
			t.Fatalf("organisation %s: %v", orgCode, err)
		}
		orgID = o.ID
	}
	p := person{
		Email:    fmt.Sprintf("%s-%s@example.org", role, rand.Text()[:8]),
		Password: "Weerbaar-e2e-" + rand.Text(),
		Name:     name,
	}
	a, err := s.App.Auth.CreateAccount(ctx, nil, auth.NewAccount{
		Email: p.Email, Name: name, Role: role, OrgID: orgID, Password: p.Password,
	})
	if err != nil {
		t.Fatalf("create %s account: %v", role, err)
	}
	p.Account = a
	return p
}
