package e2e

import (
	"testing"

	"weerbaar/internal/auth"
)

// TestMemberSecuresTheirAccountFromMijnBeveiliging: an ambtsdrager, for
// whom the second step is a choice, opens their security page, sees this
// browser among their sessions, turns the second step on (keeping the
// recovery codes), changes their password, and from then on logs in with
// the new password and a code from the app.
func TestMemberSecuresTheirAccountFromMijnBeveiliging(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	member := srv.newPerson(t, auth.RoleMember, "PV26", "Statenlid Utrecht")
	b := newTab(t, tl, srv.URL, "beveiliging")

	b.visit("/login", "inloggen")
	b.logIn(member)
	b.press("nav a[href='/account/beveiliging']")
	b.check("mijn-beveiliging")
	b.see("h1", "Mijn beveiliging")
	b.see("main", "(deze browser)")

	b.press("main a[href='/account/tweede-factor']")
	b.check("tweede-stap-instellen")
	b.see("h1", "Tweede stap instellen")
	member.totpSecret = b.text("dd.weerbaar-secret")
	b.fill("input[name=code]", member.nextCode(t))
	b.press("form[action='/account/tweede-factor'] button[type=submit]")
	b.check("herstelcodes")
	b.see("h1", "Uw nieuwe herstelcodes")
	if n := eval[int](b, `document.querySelectorAll('.weerbaar-codes li').length`); n != auth.RecoveryCodeCount {
		t.Errorf("the page lists %d recovery codes, want %d", n, auth.RecoveryCodeCount)
	}
	b.press("main a.utrecht-button-link")
	b.check("tweede-stap-aan")
	b.see("main", "De tweede stap staat aan")
	b.see("main", "U hebt nog 10 ongebruikte herstelcodes.")

	newPassword := "nieuw wachtwoord voor de staten"
	b.fill("input[name=huidig]", member.Password)
	b.fill("form[action='/account/wachtwoord'] input[name=password]", newPassword)
	b.fill("form[action='/account/wachtwoord'] input[name=herhaling]", newPassword)
	b.press("form[action='/account/wachtwoord'] button[type=submit]")
	b.check("wachtwoord-gewijzigd")
	b.see("main", "Uw wachtwoord is gewijzigd.")
	member.Password = newPassword

	b.logOut()
	b.logIn(member)
	b.see("h1", "Welkom, Statenlid Utrecht")
}
