package e2e

import (
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"weerbaar/internal/auth"
)

// TestCoordinatorLogsInWithPasswordAndTOTPAndLogsOut walks a coördinator's
// first login (password, then setting up the authenticator app and keeping
// the recovery codes), logging out, and a second login with a code from the
// app after a mistyped one.
func TestCoordinatorLogsInWithPasswordAndTOTPAndLogsOut(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	coord := srv.newPerson(t, auth.RoleCoordinator, "GM0344", "Coördinator Utrecht")
	b := newTab(t, tl, srv.URL, "login")

	b.visit("/", "start")
	b.press("main a[href='/login']")
	b.check("inloggen")
	b.see("h1", "Inloggen")
	b.logInPassword(coord)

	b.check("tweede-stap-instellen")
	b.see("h1", "Tweede stap instellen")
	// The person types the secret the page shows into their app.
	coord.totpSecret = b.text("dd.weerbaar-secret")
	b.fill("input[name=code]", coord.nextCode(t))
	b.press("form[action='/login/totp'] button[type=submit]")

	b.check("herstelcodes")
	b.see("h1", "Uw herstelcodes")
	if n := eval[int](b, `document.querySelectorAll('.weerbaar-codes li').length`); n != auth.RecoveryCodeCount {
		t.Errorf("the recovery code page lists %d codes, want %d", n, auth.RecoveryCodeCount)
	}
	b.press("main a.utrecht-button-link")

	b.check("start")
	b.see("h1", "Welkom, Coördinator Utrecht")
	b.see(".weerbaar-user", "Coördinator Utrecht")
	b.logOut()

	b.logInPassword(coord)
	b.check("code-invoeren")
	b.see("h1", "Code invoeren")
	b.fill("input[name=code]", wrongCode(coord))
	b.press("form[action='/login/code'] button[type=submit]")
	b.check("code-fout")
	b.see("#veld-code-fout", "Deze code klopt niet")
	b.fill("input[name=code]", coord.nextCode(t))
	b.press("form[action='/login/code'] button[type=submit]")
	b.see("h1", "Welkom, Coördinator Utrecht")
	b.logOut()
}

// wrongCode is a 6-digit code that no step near now accepts for p.
func wrongCode(p *person) string {
	near := map[string]bool{}
	for d := -2; d <= 2; d++ {
		c, _ := totp.GenerateCode(p.totpSecret, time.Now().Add(time.Duration(d)*30*time.Second))
		near[c] = true
	}
	for _, c := range []string{"123456", "654321", "111111"} {
		if !near[c] {
			return c
		}
	}
	return "000000"
}
