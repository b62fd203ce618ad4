package e2e

import (
	"context"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
)

// receiptCode is how a receipt code is written down: 20 characters of
// Crockford base32 in groups of four.
var receiptCode = regexp.MustCompile(`^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$`)

// TestAnonymousReporterFollowsTheirReportWithTheReceiptCode: someone
// without an account reports from the login page, is first told what is
// missing, gets a receipt code once, and later (in another browser) reads
// the status and the handler's message with the code and answers; a
// mistyped code is refused.
func TestAnonymousReporterFollowsTheirReportWithTheReceiptCode(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	coord := srv.newPerson(t, auth.RoleCoordinator, "GM0344", "Coördinator Utrecht")
	utrecht, err := org.New(srv.App.DB).ByCode(context.Background(), "GM0344")
	if err != nil {
		t.Fatal(err)
	}

	b := newTab(t, tl, srv.URL, "anoniem")
	b.visit("/login", "inloggen")
	b.press("main a[href='/anoniem-melden']")
	b.check("melden")
	b.see("h1", "Anoniem melden")
	b.see("main", "Bent u nu in gevaar? Bel 112.")
	b.press("form[action='/anoniem-melden'] button[type=submit]")
	b.check("melden-fout")
	if n := eval[int](b, `document.querySelectorAll('main [aria-invalid=true]').length`); n < 3 {
		t.Errorf("an empty anonymous report marks %d fields as wrong, want the organisation, date, place, text and kind", n)
	}
	b.do("choose the organisation", chromedp.SetValue(chromedp.CSS("select[name=orgId]"), strconv.FormatInt(utrecht.ID, 10)))
	b.do("fill in the date", chromedp.SetValue(chromedp.CSS("input[name=occurredAt]"),
		time.Now().Add(-50*time.Hour).Format("2006-01-02T15:04")))
	b.click("input[name=placeKind][value=online]")
	b.fill("input[name=platform]", "Facebook")
	b.fill("textarea[name=description]", "In een besloten groep werd het adres van de burgemeester gedeeld met de oproep langs te gaan.")
	b.click("input[name=kinds][value=doxing]")
	b.do("choose the role", chromedp.SetValue(chromedp.CSS("select[name=victimRole]"), "burgemeester"))
	b.click("input[name=perpetratorKind][value=anoniem_online]")
	b.press("form[action='/anoniem-melden'] button[type=submit]")

	b.check("ontvangen")
	b.see("h1", "Uw anonieme melding is ontvangen")
	b.see("main", "U ziet hem maar één keer")
	code := b.text(".weerbaar-receipt__code code")
	if !receiptCode.MatchString(code) {
		t.Fatalf("the receipt code reads %q, want 20 characters in groups of four", code)
	}

	srv.answerAnonymous(t, coord, "Dank voor uw melding. Weet u wie de groep beheert?")

	later := newTab(t, tl, srv.URL, "anoniem")
	later.visit("/anoniem-volgen", "volgen")
	later.see("h1", "Anonieme melding volgen")
	later.fill("input[name=code]", "0000-0000-0000-0000-0000")
	later.press("form[action='/anoniem-volgen'] button[name=actie][value=open]")
	later.check("volgen-onbekende-code")
	later.see("main", "Deze ontvangstcode is niet bekend.")
	later.fill("input[name=code]", code)
	later.press("form[action='/anoniem-volgen'] button[name=actie][value=open]")
	later.check("status")
	later.see("main", "Status: In behandeling")
	later.see("#berichten", "Weet u wie de groep beheert?")
	later.see("main", "adres van de burgemeester gedeeld")
	later.fill("#berichten textarea[name=body]", "Nee, de groep is besloten.")
	later.press("#berichten button[name=actie][value=bericht]")
	later.check("bericht-verstuurd")
	later.see("main", "Uw bericht is verstuurd.")
	later.see("#berichten", "Nee, de groep is besloten.")
}

// answerAnonymous lets coord take up their organisation's anonymous report
// and send the reporter a message, through the meldingen service.
func (s *server) answerAnonymous(t *testing.T, coord *person, message string) {
	t.Helper()
	ctx := context.Background()
	who := coord.principal()
	list, err := s.App.Incidents.ListForOrg(ctx, who, coord.Account.OrgID, incident.Filter{})
	if err != nil || len(list.Items) != 1 {
		t.Fatalf("the coördinator's list: %v, %d incidents, want the anonymous one", err, len(list.Items))
	}
	id := list.Items[0].ID
	if _, err := s.App.Incidents.AddFollowUp(ctx, who, id, incident.FollowUp{Kind: incident.FollowMeasure, Note: "Beheerder van de groep gevraagd het bericht te verwijderen."}); err != nil {
		t.Fatalf("follow-up: %v", err)
	}
	if _, err := s.App.Incidents.SendMessage(ctx, who, id, message); err != nil {
		t.Fatalf("message to the anonymous reporter: %v", err)
	}
}
