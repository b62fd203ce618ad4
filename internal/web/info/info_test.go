package info_test

import (
	"net/http"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/web/webtest"
)

var footerLinks = []string{`href="/privacy"`, `href="/toegankelijkheid"`, `href="/contact"`, `href="tel:112"`, `href="tel:09008844"`}

// TestStatementsExistInBothLanguages: the privacy statement, the
// accessibility statement and contact answer without an account, in Dutch
// and in English, with what each must say.
func TestStatementsExistInBothLanguages(t *testing.T) {
	e := webtest.Shell(t)
	want := map[string]map[string][]string{
		"nl": {
			"/privacy":          {"<h1 class=\"utrecht-heading-1\">Privacyverklaring", "Welke gegevens Weerbaar bewaart", "Hoe lang", "Uw rechten", "Autoriteit Persoonsgegevens", "geen IP-adres"},
			"/toegankelijkheid": {"<h1 class=\"utrecht-heading-1\">Toegankelijkheidsverklaring", "WCAG", "2.2", "AA", "axe-core", "Nationale ombudsman"},
			"/contact":          {"<h1 class=\"utrecht-heading-1\">Contact", "coördinator van uw organisatie", "Ondersteuningsteam Weerbaar Bestuur"},
		},
		"en": {
			"/privacy":          {"<h1 class=\"utrecht-heading-1\">Privacy statement", "What Weerbaar stores", "How long", "Your rights"},
			"/toegankelijkheid": {"<h1 class=\"utrecht-heading-1\">Accessibility statement", "WCAG", "axe-core", "Nationale ombudsman"},
			"/contact":          {"<h1 class=\"utrecht-heading-1\">Contact", "coordinator of your organisation"},
		},
	}
	for _, lang := range []string{"nl", "en"} {
		webtest.WantStatus(t, e.Get("/taal/"+lang+"?terug=/"), http.StatusSeeOther)
		for path, texts := range want[lang] {
			r := e.Get(path)
			webtest.WantStatus(t, r, http.StatusOK)
			webtest.WantBody(t, r, append([]string{`<html lang="` + lang + `"`}, texts...)...)
			webtest.WantNotInBody(t, r, "noindex")
		}
	}
}

// TestEveryPageLinksTheStatementsAndOnlyPublicPagesAreIndexed: the footer
// of a public page, a page behind login and an error page links the
// statements and the numbers to call; pages that are not public say
// noindex, and robots.txt allows the public ones only.
func TestEveryPageLinksTheStatementsAndOnlyPublicPagesAreIndexed(t *testing.T) {
	e := webtest.Shell(t)
	for _, path := range []string{"/", "/login", "/privacy"} {
		r := e.Get(path)
		webtest.WantBody(t, r, footerLinks...)
		webtest.WantNotInBody(t, r, `name="robots"`)
	}
	missing := e.Get("/bestaat-niet")
	webtest.WantStatus(t, missing, http.StatusNotFound)
	webtest.WantBody(t, missing, append(footerLinks, `<meta name="robots" content="noindex, nofollow">`)...)
	e.Account("lid@example.org", auth.RoleMember, "GM0344")
	e.Login("lid@example.org")
	for _, path := range []string{"/", "/account/beveiliging"} {
		r := e.Get(path)
		webtest.WantBody(t, r, footerLinks...)
		if path != "/" {
			webtest.WantBody(t, r, `<meta name="robots" content="noindex, nofollow">`)
		}
	}
	robots := e.Get("/robots.txt")
	webtest.WantStatus(t, robots, http.StatusOK)
	webtest.WantBody(t, robots, "User-agent: *", "Allow: /$\n", "Allow: /login$", "Allow: /anoniem-melden$",
		"Allow: /privacy$", "Allow: /toegankelijkheid$", "Allow: /contact$", "Disallow: /\n")
	if strings.Contains(robots.Body, "anoniem-volgen") {
		t.Errorf("robots.txt allows the anonymous status page:\n%s", robots.Body)
	}
}
