package opvolging_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/webtest"
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
		fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
		fe.as("coord@example.org")
		start := fe.Get("/")
		webtest.WantBody(t, start, "Nog geen norm- en agressieprotocol", `href="/organisatie/protocol"`)
		form := fe.Get("/organisatie/protocol")
		webtest.WantStatus(t, form, http.StatusOK)
		webtest.WantBody(t, form, "Uw organisatie heeft nog geen protocol in Weerbaar.")

		r := fe.Post("/organisatie/protocol", url.Values{"norm": {"Wij accepteren geen intimidatie."}, "firstContactDays": {"30"}})
		webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
		webtest.WantBody(t, r, "Wij accepteren geen intimidatie.", `href="#veld-reportTo"`, `href="#veld-confidentialAdviser"`,
			"Vul een getal in van 1 tot en met 10.")

		webtest.WantStatus(t, fe.Post("/organisatie/protocol", protocolForm("Versie een: geen intimidatie.")), http.StatusSeeOther)
		webtest.WantStatus(t, fe.Post("/organisatie/protocol", protocolForm("Versie twee: geen agressie.")), http.StatusSeeOther)
		form = fe.Get("/organisatie/protocol")
		webtest.WantBody(t, form, "Het protocol is opgeslagen als nieuwe versie.", "Huidige versie: 2",
			"Versie twee: geen agressie.</textarea>", "coordinator (test)")
		hist := fe.Get("/organisatie/protocol/versies")
		webtest.WantStatus(t, hist, http.StatusOK)
		webtest.WantBody(t, hist, "Versie 2, 23-11-2026 10:00, door coordinator (test)", "Versie 1, 23-11-2026 10:00",
			"Versie een: geen intimidatie.", "Versie twee: geen agressie.", "2 werkdagen")
		if strings.Index(hist.Body, "Versie twee") > strings.Index(hist.Body, "Versie een") {
			t.Error("history is not newest first")
		}
		webtest.WantNotInBody(t, fe.Get("/"), "Nog geen norm- en agressieprotocol")
	})
}

func TestOnlyTheOrganisationsCoordinatorKeepsItsProtocol(t *testing.T) {
	fe := newFuEnv(t, storetest.SQLite(t))
	for _, tt := range []struct {
		role auth.Role
		org  string
	}{{auth.RoleMember, orgUtrecht}, {auth.RoleSupportTeam, ""}, {auth.RoleAdmin, ""}} {
		email := string(tt.role) + "@example.org"
		fe.Account(email, tt.role, tt.org)
		fe.as(email)
		webtest.WantStatus(t, fe.Get("/organisatie/protocol"), http.StatusForbidden)
		webtest.WantStatus(t, fe.Post("/organisatie/protocol", protocolForm("x")), http.StatusForbidden)
		webtest.WantStatus(t, fe.Get("/organisatie/protocol/versies"), http.StatusForbidden)
	}
}

// TestSupportTeamSeesOrganisationsWithoutProtocol: once Utrecht saves
// its protocol it leaves the list; Amsterdam stays on it. Coördinatoren
// do not see the list.
func TestSupportTeamSeesOrganisationsWithoutProtocol(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe := newFuEnv(t, db)
		fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
		fe.Account("team@example.org", auth.RoleSupportTeam, "")
		fe.as("coord@example.org")
		webtest.WantStatus(t, fe.Get("/ondersteuningsteam/zonder-protocol"), http.StatusForbidden)
		webtest.WantStatus(t, fe.Post("/organisatie/protocol", protocolForm("Geen intimidatie.")), http.StatusSeeOther)

		fe.as("team@example.org")
		r := fe.Get("/ondersteuningsteam/zonder-protocol")
		webtest.WantStatus(t, r, http.StatusOK)
		webtest.WantBody(t, r, ">GM0363<", "Amsterdam", "Gemeenten", "Provincies", "Waterschappen")
		webtest.WantNotInBody(t, r, ">GM0344<")
		start := fe.Get("/")
		webtest.WantBody(t, start, "Doorverwezen meldingen: 0.",
			`href="/ondersteuningsteam/zonder-protocol"`, `href="/ondersteuningsteam/meldingen"`)
	})
}
