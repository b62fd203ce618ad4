package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func protocolForm(norm string) url.Values {
	return url.Values{"norm": {norm}, "reportTo": {"Bij de griffier, telefonisch of per e-mail."},
		"steps":               {"Binnen een werkdag een gesprek.\nBinnen 48 uur een reactie naar de dader."},
		"confidentialAdviser": {"Vertrouwenspersoon van de gemeente (demo), 030-0000000"},
		"contacts":            {"Ondersteuningsteam Weerbaar Bestuur"}, "firstContactDays": {"2"}}
}

// TestProtocolIsSavedAsNewVersionsWithHistory: missing parts are asked
// for with the typed text kept; each save is a new version; the history
// lists every version with its date and author.
func TestProtocolIsSavedAsNewVersionsWithHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe := newFuEnv(t, db)
		fe.account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
		fe.as("coord@example.org")
		start := fe.get("/")
		wantBody(t, start, "Nog geen norm- en agressieprotocol", `href="/organisatie/protocol"`)
		form := fe.get("/organisatie/protocol")
		wantStatus(t, form, http.StatusOK)
		wantBody(t, form, "Uw organisatie heeft nog geen protocol in Weerbaar.")

		r := fe.post("/organisatie/protocol", url.Values{"norm": {"Wij accepteren geen intimidatie."}, "firstContactDays": {"30"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "Wij accepteren geen intimidatie.", `href="#veld-reportTo"`, `href="#veld-confidentialAdviser"`,
			"Vul een getal in van 1 tot en met 10.")

		wantStatus(t, fe.post("/organisatie/protocol", protocolForm("Versie een: geen intimidatie.")), http.StatusSeeOther)
		wantStatus(t, fe.post("/organisatie/protocol", protocolForm("Versie twee: geen agressie.")), http.StatusSeeOther)
		form = fe.get("/organisatie/protocol")
		wantBody(t, form, "Het protocol is opgeslagen als nieuwe versie.", "Huidige versie: 2",
			"Versie twee: geen agressie.</textarea>", "coordinator (test)")
		hist := fe.get("/organisatie/protocol/versies")
		wantStatus(t, hist, http.StatusOK)
		wantBody(t, hist, "Versie 2, 23-11-2026 10:00, door coordinator (test)", "Versie 1, 23-11-2026 10:00",
			"Versie een: geen intimidatie.", "Versie twee: geen agressie.", "2 werkdagen")
		if strings.Index(hist.body, "Versie twee") > strings.Index(hist.body, "Versie een") {
			t.Error("history is not newest first")
		}
		wantNotInBody(t, fe.get("/"), "Nog geen norm- en agressieprotocol")
	})
}

func TestOnlyTheOrganisationsCoordinatorKeepsItsProtocol(t *testing.T) {
	fe := newFuEnv(t, storetest.SQLite(t))
	for _, tt := range []struct {
		role auth.Role
		org  string
	}{{auth.RoleMember, orgUtrecht}, {auth.RoleSupportTeam, ""}, {auth.RoleAdmin, ""}} {
		email := string(tt.role) + "@example.org"
		fe.account(email, tt.role, tt.org)
		fe.as(email)
		wantStatus(t, fe.get("/organisatie/protocol"), http.StatusForbidden)
		wantStatus(t, fe.post("/organisatie/protocol", protocolForm("x")), http.StatusForbidden)
		wantStatus(t, fe.get("/organisatie/protocol/versies"), http.StatusForbidden)
	}
}

// TestSupportTeamSeesOrganisationsWithoutProtocol: once Utrecht saves
// its protocol it leaves the list; Amsterdam stays on it. Coördinatoren
// do not see the list.
func TestSupportTeamSeesOrganisationsWithoutProtocol(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe := newFuEnv(t, db)
		fe.account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
		fe.account("team@example.org", auth.RoleSupportTeam, "")
		fe.as("coord@example.org")
		wantStatus(t, fe.get("/ondersteuningsteam/zonder-protocol"), http.StatusForbidden)
		wantStatus(t, fe.post("/organisatie/protocol", protocolForm("Geen intimidatie.")), http.StatusSeeOther)

		fe.as("team@example.org")
		r := fe.get("/ondersteuningsteam/zonder-protocol")
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, ">GM0363<", "Amsterdam", "Gemeenten", "Provincies", "Waterschappen")
		wantNotInBody(t, r, ">GM0344<")
		start := fe.get("/")
		wantBody(t, start, "Doorverwezen meldingen: 0.",
			`href="/ondersteuningsteam/zonder-protocol"`, `href="/ondersteuningsteam/meldingen"`)
	})
}
