package web

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"weerbaar/internal/incident"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// atHome makes the incident happen at home, with the home address typed
// as its place: it must never reach the aangifte.
func atHome(in *incident.Incident) {
	in.Place = incident.Place{Kind: incident.PlaceHome, Detail: "Kerkstraat 12, Utrecht"}
}

// browsers keeps the coördinator and the reporter signed in side by side
// (a second login of a coördinator would ask for the TOTP code).
type browsers struct {
	fe              *fuEnv
	coord, reporter http.CookieJar
}

func newBrowsers(fe *fuEnv) *browsers {
	b := &browsers{fe: fe, coord: fe.client.Jar}
	fe.as("wethouder@example.org")
	b.reporter = fe.client.Jar
	return b
}

func (b *browsers) asCoordinator() { b.fe.client.Jar = b.coord }
func (b *browsers) asReporter()    { b.fe.client.Jar = b.reporter }

func aangifteForm(address, domicile string) url.Values {
	return url.Values{"form": {"aangifte"}, "type": {"aangifte"}, "filedBy": {"victim"}, "vptAsked": {"ja"},
		"vptApplied": {"unknown"}, "address": {address}, "domicile": {domicile}, "filedOn": {"2026-11-23"}}
}

// TestAangifteSheetShowsTheOrganisationsPostalAddress: the coördinator
// keeps the postal address with the protocol; the reporter's sheet prints
// it, and without it a line to fill in; never the home address.
func TestAangifteSheetShowsTheOrganisationsPostalAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe, _, inc := coordWithIncident(t, db, atHome)
		b := newBrowsers(fe)
		sheet := fe.get(hrefOf(inc.ID, "/aangifte"))
		wantStatus(t, sheet, http.StatusOK)
		wantBody(t, sheet, "Postadres van de organisatie: ____", "bij het norm- en agressieprotocol")
		wantNotInBody(t, sheet, "Kerkstraat")

		b.asCoordinator()
		form := protocolForm("Wij accepteren geen intimidatie.")
		form.Set("postalAddress", "Gemeente Utrecht (demo)\nPostbus 16200\n3500 CE Utrecht")
		wantStatus(t, fe.post("/organisatie/protocol", form), http.StatusSeeOther)
		wantBody(t, fe.get("/organisatie/protocol"), "Postadres voor aangifte en correspondentie",
			"Gemeente Utrecht (demo)\nPostbus 16200\n3500 CE Utrecht</textarea>")
		wantBody(t, fe.get("/organisatie/protocol/versies"), "Postbus 16200")

		b.asReporter()
		sheet = fe.get(hrefOf(inc.ID, "/aangifte"))
		wantBody(t, sheet, "Gemeente Utrecht (demo)", "Postbus 16200", "3500 CE Utrecht")
		wantNotInBody(t, sheet, "Kerkstraat", "Postadres van de organisatie: ____")
		pdf := fe.get(hrefOf(inc.ID, "/aangifte.pdf"))
		wantStatus(t, pdf, http.StatusOK)
	})
}

// TestChosenDomicileIsAskedForAndPrinted: choosing a domicile without its
// address is refused with the typed text kept; the recorded domicile is
// shown to the reporter and the coördinator on the incident, printed on
// the sheet instead of the organisation's address, and never in the list.
func TestChosenDomicileIsAskedForAndPrinted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe, _, inc := coordWithIncident(t, db, atHome)
		b := newBrowsers(fe)
		b.asCoordinator()
		form := protocolForm("Wij accepteren geen intimidatie.")
		form.Set("postalAddress", "Postbus 16200\n3500 CE Utrecht")
		wantStatus(t, fe.post("/organisatie/protocol", form), http.StatusSeeOther)

		b.asReporter()
		const domicile = "Advocatenkantoor (demo)\nPostbus 200\n2000 BB Voorbeeld"
		r := fe.post(hrefOf(inc.ID, "/aangifte"), aangifteForm("domicile", ""))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if fieldError(r.body, "domicile") == "" {
			t.Error("no problem next to the domicile field")
		}
		wantStatus(t, fe.post(hrefOf(inc.ID, "/aangifte"), aangifteForm("domicile", domicile)), http.StatusSeeOther)
		wantBody(t, fe.get(hrefOf(inc.ID, "")), "Adres in de aangifte: Gekozen domicilie", domicile)
		sheet := fe.get(hrefOf(inc.ID, "/aangifte"))
		wantBody(t, sheet, "Advocatenkantoor (demo)", "Postbus 200", "2000 BB Voorbeeld")
		wantNotInBody(t, sheet, "Postbus 16200", "Kerkstraat")

		b.asCoordinator()
		wantBody(t, fe.get(coordIncidentHref(inc.ID)), "Adres van het gekozen domicilie", domicile)
		wantNotInBody(t, fe.get("/organisatie/meldingen"), "Advocatenkantoor")

		// The coördinator's form asks for it too, and a later record with
		// the organisation's address puts that back on the sheet.
		r = fe.post(coordIncidentHref(inc.ID)+"/aangifte", aangifteForm("domicile", " "))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, `href="#veld-domicile"`, "Adres van het gekozen domicilie: ")
		wantStatus(t, fe.post(coordIncidentHref(inc.ID)+"/aangifte", aangifteForm("organisation", domicile)), http.StatusSeeOther)
		b.asReporter()
		sheet = fe.get(hrefOf(inc.ID, "/aangifte"))
		wantBody(t, sheet, "Postbus 16200")
		wantNotInBody(t, sheet, "Advocatenkantoor", "Kerkstraat")
	})
}

// countHeading is the list's heading for n incidents.
func countHeading(n int) string {
	if n == 1 {
		return ">1 melding</h2>"
	}
	return fmt.Sprintf(">%d meldingen</h2>", n)
}

// TestListHeadingCountsOneMelding: "1 melding", "2 meldingen".
func TestListHeadingCountsOneMelding(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe, reporter, _ := coordWithIncident(t, db, nil)
		wantBody(t, fe.get("/organisatie/meldingen"), countHeading(1))
		fe.report(reporter, nil)
		wantBody(t, fe.get("/organisatie/meldingen"), countHeading(2))
	})
}
