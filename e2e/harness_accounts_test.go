package e2e

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp/totp"

	"weerbaar/internal/auth"
	"weerbaar/internal/org"
)

// person is an account a journey logs in with, and the authenticator app
// in their pocket once they have set one up.
type person struct {
	Email    string
	Password string
	Name     string
	Account  auth.Account
	// totpSecret is the secret of their authenticator app ("" without one);
	// lastStep is the last 30-second step whose code was used, since every
	// code works once.
	totpSecret string
	lastStep   int64
}

// newPerson creates an account with role in the organisation with orgCode
// ("" for a national role) through the accounts service, as a beheerder on
// the command line would. Names are role descriptions, never invented people.
func (s *server) newPerson(t *testing.T, role auth.Role, orgCode, name string) *person {
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
	p := &person{
		Email:    fmt.Sprintf("%s-%s@example.org", role, strings.ToLower(rand.Text()[:8])),
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

// withTOTP sets up the person's authenticator app through the accounts
// service, as they would on their security page, so a journey that is not
// about logging in starts at the code step.
func (s *server) withTOTP(t *testing.T, p *person) *person {
	t.Helper()
	ctx := context.Background()
	who := p.principal()
	secret, _, err := s.App.Auth.BeginTOTP(ctx, who)
	if err != nil {
		t.Fatalf("begin TOTP: %v", err)
	}
	p.totpSecret = secret
	if _, err := s.App.Auth.ConfirmTOTP(ctx, who, secret, p.nextCode(t)); err != nil {
		t.Fatalf("confirm TOTP: %v", err)
	}
	return p
}

// nextCode is the code the person's app shows for the first step after
// the last one used, waiting for the next step when that lies too far
// ahead (the server accepts one step of clock skew).
func (p *person) nextCode(t *testing.T) string {
	t.Helper()
	step := max(time.Now().Unix()/30, p.lastStep+1)
	if wait := time.Unix((step-1)*30, 0).Sub(time.Now()); wait > 0 {
		time.Sleep(wait)
	}
	code, err := totp.GenerateCode(p.totpSecret, time.Unix(step*30, 0))
	if err != nil {
		t.Fatalf("TOTP code from secret %q: %v", p.totpSecret, err)
	}
	p.lastStep = step
	return code
}

// logIn logs the person in from the login page: password, then the code
// from their app when Weerbaar asks for it.
func (b *tab) logIn(p *person) {
	b.t.Helper()
	b.logInPassword(p)
	if strings.HasPrefix(b.path(), "/login/code") {
		b.fill("input[name=code]", p.nextCode(b.t))
		b.press("form[action='/login/code'] button[type=submit]")
	}
}

// logInPassword fills in and sends the login form (the tab shows it).
func (b *tab) logInPassword(p *person) {
	b.t.Helper()
	b.fill("input[name=email]", p.Email)
	b.fill("input[name=wachtwoord]", p.Password)
	b.press("form[action='/login'] button[type=submit]")
}

// logOut presses "Uitloggen" and checks the person is told they are out
// and that the start page asks for a login again.
func (b *tab) logOut() {
	b.t.Helper()
	b.press(".weerbaar-logout button[type=submit]")
	b.check("uitgelogd")
	b.see("h1", "Inloggen")
	b.see("main", "U bent uitgelogd.")
	b.do("open /", chromedp.Navigate(b.base+"/"))
	if got := b.text("h1"); got != "Weerbaar" && got != "Weerbaar " {
		b.t.Errorf("after logging out the start page shows %q, want the public start page", got)
	}
	b.do("open /account/beveiliging", chromedp.Navigate(b.base+"/account/beveiliging"))
	if p := b.path(); !strings.HasPrefix(p, "/login") {
		b.t.Errorf("after logging out an own page shows %s, want the login page", p)
	}
	b.do("open /login", chromedp.Navigate(b.base+"/login"))
}
