package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
)

// TestSupportTeamReadsReferredIncidentsAndOrganisationsWithoutProtocol: a
// member of the national support team sees on their start page what waits
// for them, reads the one incident a coördinator referred to them (and not
// the other), without the follow-up forms, and finds Utrecht among the
// organisations that have no protocol yet.
func TestSupportTeamReadsReferredIncidentsAndOrganisationsWithoutProtocol(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	wethouder := srv.newPerson(t, auth.RoleMember, "GM0344", "Wethouder Utrecht")
	coord := srv.newPerson(t, auth.RoleCoordinator, "GM0344", "Coördinator Utrecht")
	otwb := srv.withTOTP(t, srv.newPerson(t, auth.RoleSupportTeam, "", "Ondersteuningsteam (demo)"))
	referred := srv.reportIncident(t, wethouder, "Mijn adres staat op een forum met de oproep langs te komen.", incident.KindDoxing)
	srv.reportIncident(t, wethouder, "Een boze mail na de raadsvergadering.", incident.KindVerbal)
	if _, err := srv.App.Incidents.AddFollowUp(context.Background(), coord.principal(), referred,
		incident.FollowUp{Kind: incident.FollowReferredSupport, Note: "Graag hulp bij verwijderen van het bericht."}); err != nil {
		t.Fatalf("refer to the support team: %v", err)
	}

	b := newTab(t, tl, srv.URL, "ondersteuningsteam")
	b.visit("/login", "inloggen")
	b.logIn(otwb)
	b.check("start")
	b.see("main", "Doorverwezen meldingen: 1")
	b.press("main a[href='/ondersteuningsteam/meldingen']")

	b.check("doorverwezen")
	b.see("h1", "Doorverwezen meldingen")
	if n := eval[int](b, `document.querySelectorAll('main table tbody tr').length`); n != 1 {
		t.Errorf("the support team's list has %d incidents, want only the referred one", n)
	}
	b.see("main table", fmt.Sprintf("Melding %d", referred))
	b.see("main table", "Doxing")
	b.press("main table tbody tr a")

	b.check("melding")
	b.see("h1", fmt.Sprintf("Melding %d", referred))
	b.see("main", "U kunt haar lezen; de organisatie volgt haar op.")
	b.see("main", "Mijn adres staat op een forum")
	if n := eval[int](b, `document.querySelectorAll("main form[action$='/opvolging'], main form[action$='/aangifte']").length`); n != 0 {
		t.Errorf("the support team's read-only view has %d follow-up forms, want none", n)
	}

	b.visit("/ondersteuningsteam/zonder-protocol", "zonder-protocol")
	b.see("h1", "Organisaties zonder protocol")
	if text := b.text("main"); !strings.Contains(text, "GM0344") || !strings.Contains(text, "hebben nog geen norm- en agressieprotocol") {
		t.Errorf("the list of organisations without a protocol does not name Utrecht (GM0344)")
	}
}
