package e2e

import (
	"testing"

	"weerbaar/internal/auth"
)

// TestLanguageSwitchChangesEveryText switches from Dutch to English and
// back, before and after logging in: the headings, labels, buttons and the
// page's language change, the choice holds on every page (start, Mijn
// meldingen, the report form) and survives logging in and out.
func TestLanguageSwitchChangesEveryText(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	member := srv.newPerson(t, auth.RoleMember, "GM0363", "Raadslid Amsterdam")
	b := newTab(t, tl, srv.URL, "taal")

	b.visit("/login", "inloggen-nl")
	b.seeLanguage("nl")
	b.see("h1", "Inloggen")
	b.see("label[for=veld-email]", "E-mailadres")

	b.press("a[hreflang=en]")
	b.check("inloggen-en")
	b.seeLanguage("en")
	b.see("h1", "Log in")
	b.see("label[for=veld-email]", "E-mail address")
	b.see("form[action='/login'] button[type=submit]", "Log in")

	b.logIn(member)
	b.check("start-en")
	b.see("h1", "Welcome, Raadslid Amsterdam")
	b.see("main", "What would you like to do?")
	b.see(".weerbaar-logout button", "Log out")
	b.press("main a[href='/meldingen']")
	b.check("mijn-meldingen-en")
	b.see("h1", "My reports")
	b.press("main a[href='/meldingen/nieuw']")
	b.check("melden-en")
	b.see("h1", "Report an incident")
	b.see("main", "Are you in danger right now?")

	b.press("a[hreflang=nl]")
	b.check("melden-nl")
	b.seeLanguage("nl")
	b.see("h1", "Melding maken")
	b.see("main", "Bent u nu in gevaar?")
	b.press("nav a[href='/']")
	b.check("start-nl")
	b.seeLanguage("nl")
	b.see("h1", "Welkom, Raadslid Amsterdam")
	b.see("main", "Wat wilt u doen?")
	b.see(".weerbaar-logout button", "Uitloggen")
	b.logOut()
}

// seeLanguage fails the journey unless the page says it is in lang, and
// the language switch marks lang as the current one.
func (b *tab) seeLanguage(lang string) {
	b.t.Helper()
	if got := eval[string](b, `document.documentElement.lang`); got != lang {
		b.t.Errorf("the page says it is in %q, want %q", got, lang)
	}
	if cur := eval[string](b, `document.querySelector(".weerbaar-lang a[aria-current=true]")?.getAttribute("hreflang") ?? ""`); cur != lang {
		b.t.Errorf("the language switch marks %q as current, want %q", cur, lang)
	}
}
