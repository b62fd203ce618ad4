package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"weerbaar/internal/auth"
)

// TestMemberReportsAnIncidentStepByStepAndSeesItInMijnMeldingen walks an
// ambtsdrager through the report form, step by step, with an e-mail as
// evidence: they check the summary, send it, are told what happens now,
// and find the report in Mijn meldingen as new.
func TestMemberReportsAnIncidentStepByStepAndSeesItInMijnMeldingen(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	member := srv.newPerson(t, auth.RoleMember, "GM0344", "Raadslid Utrecht")
	b := newTab(t, tl, srv.URL, "melden")

	b.visit("/login", "inloggen")
	b.logIn(member)
	b.check("start")
	b.press("main a[href='/meldingen/nieuw']")

	b.reportStep(1, "Veiligheid")
	b.see("main", "Bent u nu in gevaar?")
	b.click("input[name=inDanger][value=nee]")
	b.nextStep()

	b.reportStep(2, "Wanneer en waar")
	yesterday := time.Now().Add(-26 * time.Hour).Format("2006-01-02T15:04")
	b.do("fill in the date", chromedp.SetValue(chromedp.CSS("input[name=occurredAt]"), yesterday))
	b.click("input[name=placeKind][value=werk]")
	b.fill("input[name=placeDetail]", "Stadhuis, na de raadsvergadering")
	b.nextStep()

	b.reportStep(3, "Wat is er gebeurd")
	b.fill("textarea[name=description]", "Na de vergadering wachtte een man mij op bij de uitgang en zei dat hij wist waar ik woon.")
	b.click("input[name=kinds][value=bedreiging]")
	b.click("input[name=kinds][value=intimidatie]")
	b.nextStep()

	b.reportStep(4, "Tegen wie")
	b.click("input[name=mode][value=self]")
	b.do("choose role", chromedp.SetValue(chromedp.CSS("select[name=victimRole]"), "raadslid"))
	b.nextStep()

	b.reportStep(5, "Door wie en getuigen")
	b.click("input[name=perpetratorKind][value=burger_onbekend]")
	b.fill("textarea[name=perpetratorDescription]", "Man van middelbare leeftijd, grijze jas.")
	b.nextStep()

	b.reportStep(6, "Gevolgen en hulp")
	b.fill("textarea[name=impact]", "Ik slaap slecht en fiets niet meer alleen naar huis.")
	b.click("input[name=feelsUnsafe]")
	b.click("input[name=reportedToEmployer]")
	b.click("input[name=wantsAangifte]")
	b.nextStep()

	b.reportStep(7, "Bijlagen")
	b.see("main", "Nog geen bestanden toegevoegd.")
	evidence := filepath.Join(t.TempDir(), "bericht-na-vergadering.txt")
	if err := os.WriteFile(evidence, []byte("Ik weet waar je woont.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	b.do("choose a file", chromedp.SetUploadFiles(chromedp.CSS("input[name=attachments]"), []string{evidence}))
	b.press("button[name=actie][value=upload]")
	b.check("stap-7-bijlage")
	b.see("main", "bericht-na-vergadering.txt")
	b.nextStep()

	b.reportStep(8, "Controleren en versturen")
	b.see("main", "Stadhuis, na de raadsvergadering")
	b.see("main", "Bedreiging")
	b.see("main", "bericht-na-vergadering.txt")
	b.press("button[name=actie][value=indienen]")

	b.check("ontvangen")
	b.see("h1", "Uw melding is ontvangen")
	b.see("main", "De coördinator van Gemeente Utrecht ziet uw melding nu")
	b.see("main", "Wat gebeurt er nu?")
	b.press("main a[href='/meldingen']")

	b.check("mijn-meldingen")
	b.see("h1", "Mijn meldingen")
	row := b.text("main table tbody tr")
	for _, want := range []string{"Melding", "Bedreiging", "Intimidatie", "Nieuw"} {
		if !strings.Contains(row, want) {
			t.Errorf("Mijn meldingen shows %q, want it to contain %q", row, want)
		}
	}
	b.press("main table tbody tr a")
	b.check("melding")
	b.see("main", "wist waar ik woon")
	b.see("main", "bericht-na-vergadering.txt")
}

// reportStep checks the report form shows step n of 8 with its heading.
func (b *tab) reportStep(n int, heading string) {
	b.t.Helper()
	b.check("stap-" + string(rune('0'+n)))
	b.see("h1", "Melding maken")
	b.see("main > h2", heading)
	b.see(".weerbaar-steps__count", "Stap "+string(rune('0'+n)))
}

// nextStep presses "Volgende stap".
func (b *tab) nextStep() {
	b.t.Helper()
	b.press("button[name=actie][value=volgende]")
}
