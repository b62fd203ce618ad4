package opvolging_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"weerbaar/internal/incident"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/opvolging"
	"weerbaar/internal/web/webtest"
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
	b := &browsers{fe: fe, coord: fe.Client.Jar}
	fe.as("wethouder@example.org")
	b.reporter = fe.Client.Jar
	return b
}

func (b *browsers) asCoordinator() { b.fe.Client.Jar = b.coord }
func (b *browsers) asReporter()    { b.fe.Client.Jar = b.reporter }

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
		sheet := fe.Get(webtest.MeldingHref(inc.ID, "/aangifte"))
		webtest.WantStatus(t, sheet, http.StatusOK)
		webtest.WantBody(t, sheet, "Postadres van de organisatie: ____", "bij het norm- en agressieprotocol")
		webtest.WantNotInBody(t, sheet, "Kerkstraat")

		b.asCoordinator()
		form := protocolForm("Wij accepteren geen intimidatie.")
		form.Set("postalAddress", "Gemeente Utrecht (demo)\nPostbus 16200\n3500 CE Utrecht")
		webtest.WantStatus(t, fe.Post("/organisatie/protocol", form), http.StatusSeeOther)
		webtest.WantBody(t, fe.Get("/organisatie/protocol"), "Postadres voor aangifte en correspondentie",
			"Gemeente Utrecht (demo)\nPostbus 16200\n3500 CE Utrecht</textarea>")
		webtest.WantBody(t, fe.Get("/organisatie/protocol/versies"), "Postbus 16200")

		b.asReporter()
		sheet = fe.Get(webtest.MeldingHref(inc.ID, "/aangifte"))
		webtest.WantBody(t, sheet, "Gemeente Utrecht (demo)", "Postbus 16200", "3500 CE Utrecht")
		webtest.WantNotInBody(t, sheet, "Kerkstraat", "Postadres van de organisatie: ____")
		pdf := fe.Get(webtest.MeldingHref(inc.ID, "/aangifte.pdf"))
		webtest.WantStatus(t, pdf, http.StatusOK)
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
		webtest.WantStatus(t, fe.Post("/organisatie/protocol", form), http.StatusSeeOther)

		b.asReporter()
		const domicile = "Advocatenkantoor (demo)\nPostbus 200\n2000 BB Voorbeeld"
		r := fe.Post(webtest.MeldingHref(inc.ID, "/aangifte"), aangifteForm("domicile", ""))
		webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
		if webtest.FieldError(r.Body, "domicile") == "" {
			t.Error("no problem next to the domicile field")
		}
		webtest.WantStatus(t, fe.Post(webtest.MeldingHref(inc.ID, "/aangifte"), aangifteForm("domicile", domicile)), http.StatusSeeOther)
		webtest.WantBody(t, fe.Get(webtest.MeldingHref(inc.ID, "")), "Adres in de aangifte: Gekozen domicilie", domicile)
		sheet := fe.Get(webtest.MeldingHref(inc.ID, "/aangifte"))
		webtest.WantBody(t, sheet, "Advocatenkantoor (demo)", "Postbus 200", "2000 BB Voorbeeld")
		webtest.WantNotInBody(t, sheet, "Postbus 16200", "Kerkstraat")

		b.asCoordinator()
		webtest.WantBody(t, fe.Get(opvolging.CoordIncidentHref(inc.ID)), "Adres van het gekozen domicilie", domicile)
		webtest.WantNotInBody(t, fe.Get("/organisatie/meldingen"), "Advocatenkantoor")

		// The coördinator's form asks for it too, and a later record with
		// the organisation's address puts that back on the sheet.
		r = fe.Post(opvolging.CoordIncidentHref(inc.ID)+"/aangifte", aangifteForm("domicile", " "))
		webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
		webtest.WantBody(t, r, `href="#veld-domicile"`, "Adres van het gekozen domicilie: ")
		webtest.WantStatus(t, fe.Post(opvolging.CoordIncidentHref(inc.ID)+"/aangifte", aangifteForm("organisation", domicile)), http.StatusSeeOther)
		b.asReporter()
		sheet = fe.Get(webtest.MeldingHref(inc.ID, "/aangifte"))
		webtest.WantBody(t, sheet, "Postbus 16200")
		webtest.WantNotInBody(t, sheet, "Advocatenkantoor", "Kerkstraat")
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
		webtest.WantBody(t, fe.Get("/organisatie/meldingen"), countHeading(1))
		fe.report(reporter, nil)
		webtest.WantBody(t, fe.Get("/organisatie/meldingen"), countHeading(2))
	})
}
