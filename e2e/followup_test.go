package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
)

// TestCoordinatorFollowsUpAnIncidentOfTheirOrganisation: the coördinator of
// Utrecht finds the new incident of a wethouder in the organisation's list
// (and not Amsterdam's), reads it, records a talk (status in behandeling),
// is told a note needs text, closes it (afgesloten), and the wethouder
// sees the closed incident and is asked whether they are satisfied.
func TestCoordinatorFollowsUpAnIncidentOfTheirOrganisation(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	wethouder := srv.newPerson(t, auth.RoleMember, "GM0344", "Wethouder Utrecht")
	elsewhere := srv.newPerson(t, auth.RoleMember, "GM0363", "Wethouder Amsterdam")
	coord := srv.withTOTP(t, srv.newPerson(t, auth.RoleCoordinator, "GM0344", "Coördinator Utrecht"))
	id := srv.reportIncident(t, wethouder, "Op de markt riep een man dat hij mij zou opwachten.", incident.KindThreat)
	srv.reportIncident(t, elsewhere, "Scheldpartij in Amsterdam.", incident.KindVerbal)

	b := newTab(t, tl, srv.URL, "opvolging")
	b.visit("/login", "inloggen")
	b.logIn(coord)
	b.check("start")
	b.press("main a[href='/organisatie/meldingen']")

	b.check("lijst")
	b.see("h1", "Meldingen van de organisatie")
	if got := strings.TrimSpace(b.text("#lijst-kop")); got != "1 melding" {
		t.Fatalf("list heading %q, want %q (singular for one)", got, "1 melding")
	}
	row := b.text("main table tbody tr")
	for _, want := range []string{fmt.Sprintf("Melding %d", id), "Nieuw", "Bedreiging", "Eerste contact"} {
		if !strings.Contains(row, want) {
			t.Errorf("the list shows %q, want it to contain %q", row, want)
		}
	}
	if n := eval[int](b, `document.querySelectorAll('main table tbody tr').length`); n != 1 {
		t.Errorf("the coördinator of Utrecht sees %d incidents in the list, want only Utrecht's one", n)
	}
	b.press("main table tbody tr a")

	b.check("melding")
	b.see("h1", fmt.Sprintf("Melding %d", id))
	b.see("main", "Status: Nieuw")
	b.see("#gegevens + *", "Op de markt riep een man dat hij mij zou opwachten.")

	b.followUp("gesprek_gevoerd", "Gebeld met de wethouder; beveiliging bij de volgende markt afgesproken.")
	b.check("na-gesprek")
	b.see("main", "De opvolging is vastgelegd.")
	b.see("main", "Status: In behandeling")
	b.see("main", "Gesprek gevoerd")

	b.followUp("notitie", "")
	b.check("notitie-zonder-tekst")
	b.see("main", "Status: In behandeling")
	if n := eval[int](b, `document.querySelectorAll('main [aria-invalid=true]').length`); n == 0 {
		t.Errorf("a note without text is refused without marking the field")
	}

	b.followUp("afgesloten", "Afgesloten na het gesprek.")
	b.check("afgesloten")
	b.see("main", "Status: Afgesloten")

	reporter := newTab(t, tl, srv.URL, "opvolging")
	reporter.visit("/login", "inloggen-melder")
	reporter.logIn(wethouder)
	reporter.visit("/meldingen", "mijn-meldingen-afgesloten")
	reporter.see("main table tbody tr", "Afgesloten")
	reporter.press("main table tbody tr a")
	reporter.check("melding-melder")
	reporter.see("main", "Gesprek gevoerd")
	reporter.see("main", "Bent u tevreden over de opvolging?")
}

// followUp records a follow-up of kind with note on the incident page.
func (b *tab) followUp(kind, note string) {
	b.t.Helper()
	b.do("choose follow-up "+kind, chromedp.SetValue(chromedp.CSS("form[action$='/opvolging'] select[name=kind]"), kind))
	if note != "" {
		b.fill("form[action$='/opvolging'] textarea[name=note]", note)
	}
	b.press("form[action$='/opvolging'] button[type=submit]")
}
