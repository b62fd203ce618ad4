package e2e

import (
	"testing"

	"weerbaar/internal/auth"
)

// answerWeakest checks the last answer of every question on the page
// (in the woningscan always the weakest: nee, or ja where ja is a risk).
const answerWeakest = `document.querySelectorAll('main form fieldset').forEach(f => {
	const r = f.querySelectorAll('input[type=radio]'); if (r.length) r[r.length - 1].checked = true }); true`

// TestMemberTakesPausesAndResumesTheWoningscan: a wethouder picks the
// woningscan from the menu, tries to go on without answering and is told
// at each question, answers one, stops, finds the take under "Uw scans"
// and continues on the page they left, answers the rest and reads the
// result: the domains that need attention first, advice per weak point
// with links to the catalogue, and one click to Veilig Wonen with the
// scan linked.
func TestMemberTakesPausesAndResumesTheWoningscan(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	wethouder := srv.newPerson(t, auth.RoleMember, "GM0344", "Wethouder Utrecht")

	b := newTab(t, tl, srv.URL, "scans")
	b.visit("/login", "inloggen")
	b.logIn(wethouder)
	b.press("a[href='/scans']")
	b.check("kiezen")
	b.see("h1", "Scans")
	b.see("main", "Woningscan")
	b.press("form[action='/scans/woningscan/starten'] button")

	b.check("pagina-1")
	b.see("main", "Pagina 1 van 5")
	b.press("main form button[value=volgende]:not([hidden])")
	b.check("pagina-1-fouten")
	b.see(".weerbaar-error-summary", "Vraag 1: kies een antwoord.")
	b.click("input[name=sloten-skg][value=deels]")
	b.press("main form button[value=later]")

	b.check("gepauzeerd")
	b.see("body", "Uw antwoorden zijn opgeslagen")
	b.see("main table", "Bezig: pagina 1 van 5")
	b.press("main table a")
	b.check("verder")
	if !eval[bool](b, `document.querySelector('input[name=sloten-skg][value=deels]').checked`) {
		t.Error("the answer given before the pause is not kept")
	}
	eval[bool](b, answerWeakest)
	b.click("input[name=sloten-skg][value=deels]")
	b.press("main form button[value=volgende]:not([hidden])")
	for _, name := range []string{"pagina-2", "pagina-3", "pagina-4", "pagina-5"} {
		b.check(name)
		eval[bool](b, answerWeakest)
		b.press("main form button[value=volgende]:not([hidden])")
	}

	b.check("resultaat")
	b.see("h1", "Resultaat: Woningscan")
	b.see("main", "Hier is eerst aandacht nodig")
	b.see("main", "Laat sloten vervangen")
	if n := eval[int](b, `document.querySelectorAll("main a[href^='/catalogus/']").length`); n == 0 {
		t.Error("the advice links to no catalogue item")
	}
	href := eval[string](b, `document.querySelector("main a[href^='/veilig-wonen/aanvragen/nieuw?scan=']").getAttribute('href')`)
	if href == "" {
		t.Error("no link to apply for Veilig Wonen with the scan")
	}
}
