package e2e

import (
	"fmt"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
)

// TestReporterSeesTheProtocolTheCoordinatorWrote: the coördinator of a
// province is asked on their start page to write the norm and aggression
// protocol, writes it, and finds it among the versions; a statenlid who
// then sends their report reads it under "Wat gebeurt er nu?".
func TestReporterSeesTheProtocolTheCoordinatorWrote(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	coord := srv.withTOTP(t, srv.newPerson(t, auth.RoleCoordinator, "PV26", "Griffier Provincie Utrecht"))
	statenlid := srv.newPerson(t, auth.RoleMember, "PV26", "Statenlid Utrecht")

	b := newTab(t, tl, srv.URL, "protocol")
	b.visit("/login", "inloggen")
	b.logIn(coord)
	b.check("start")
	b.see("main", "Nog geen norm- en agressieprotocol")
	b.press("main a[href='/organisatie/protocol']")
	b.check("opstellen")
	b.see("h1", "Norm- en agressieprotocol")
	b.fill("textarea[name=norm]", "Wij accepteren geen bedreiging, intimidatie of geweld tegen onze statenleden.")
	b.fill("textarea[name=reportTo]", "De griffie, telefoon 030 000 0000.")
	b.fill("textarea[name=steps]", "De griffier belt u binnen een werkdag en bespreekt aangifte en nazorg.")
	b.fill("textarea[name=confidentialAdviser]", "Vertrouwenspersoon integriteit, via de griffie.")
	b.press("form[action='/organisatie/protocol'] button[type=submit]")
	b.check("opgeslagen")
	b.see("main", "Het protocol is opgeslagen als nieuwe versie.")
	b.see("main", "Huidige versie: 1")
	b.press("main a[href='/organisatie/protocol/versies']")
	b.check("versies")
	b.see("h1", "Eerdere versies van het protocol")
	b.see("main", "Versie 1")

	id := srv.draftIncident(t, statenlid, "Na het statendebat werd ik op straat uitgescholden.", incident.KindVerbal)
	reporter := newTab(t, tl, srv.URL, "protocol")
	reporter.visit("/login", "inloggen-melder")
	reporter.logIn(statenlid)
	reporter.visit(fmt.Sprintf("/meldingen/%d/stap/8", id), "controleren")
	reporter.see("main > h2", "Controleren en versturen")
	reporter.press("button[name=actie][value=indienen]")
	reporter.check("ontvangen")
	reporter.see("h1", "Uw melding is ontvangen")
	reporter.see("main", "Wat gebeurt er nu?")
	reporter.see(".weerbaar-protocol", "De griffier belt u binnen een werkdag")
	reporter.see(".weerbaar-protocol", "Wij accepteren geen bedreiging")
}
