package scans_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/scan"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/webtest"
)

func TestWoningscanPageByPagePauseAndResult(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.Account("wethouder@example.org", auth.RoleMember, orgUtrecht)
		e.Login("wethouder@example.org")
		list := e.Get("/scans")
		webtest.WantStatus(t, list, http.StatusOK)
		webtest.WantBody(t, list, "Woningscan", "Zelfscan persoonlijke veiligheid", "Basisscan integriteit")
		webtest.WantNotInBody(t, list, "Weerbaarheidsscan voor de organisatie") // not for a member
		res := e.start(t, "woningscan")

		page := e.Get(res + "/stap/1")
		webtest.WantStatus(t, page, http.StatusOK)
		webtest.WantBody(t, page, `<progress id="voortgang" max="100" value="0">`, "Pagina 1 van 5",
			"inbraakwerend slot", `name="sloten-skg" value="ja"`)

		// Next with one answer and the others open: 422, the answer kept,
		// each missing question named.
		r := e.Post(res+"/stap/1", url.Values{"actie": {"volgende"}, "sloten-skg": {"deels"}})
		webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
		webtest.WantBody(t, r, "Vraag 2: kies een antwoord.", "Vraag 4: kies een antwoord.",
			`value="deels" checked`, `href="#veld-achterom"`)
		webtest.WantNotInBody(t, r, "Vraag 1: kies")

		// Save and stop: back to the list, which offers to continue.
		r = e.Post(res+"/stap/1", url.Values{"actie": {"later"}, "sloten-skg": {"deels"}})
		webtest.WantLocation(t, r, "/scans")
		list = e.Get("/scans")
		webtest.WantBody(t, list, "Bezig: pagina 1 van 5", res+"/stap/1", "Uw antwoorden zijn opgeslagen.")
		// Later, the answer is still there; the result is not yet.
		webtest.WantBody(t, e.Get(res+"/stap/1"), `value="deels" checked`)
		webtest.WantLocation(t, e.Get(res), res+"/stap/1")
		// A page ahead of where one is goes back to that page.
		webtest.WantLocation(t, e.Get(res+"/stap/4"), res+"/stap/1")

		d := e.Scans.Library().Get("woningscan")
		for n := 1; n <= len(d.Pages); n++ {
			r = e.answerPage(t, res, "woningscan", n, weakest)
			if n < len(d.Pages) {
				webtest.WantLocation(t, r, res+"/stap/"+itoa(n+1))
			}
		}
		webtest.WantLocation(t, r, res)
		out := e.Get(res)
		webtest.WantStatus(t, out, http.StatusOK)
		webtest.WantBody(t, out, "Resultaat: Woningscan", "Hier is eerst aandacht nodig", "Toegangen en sloten",
			"Aandacht nodig", "Laat sloten vervangen", `href="/catalogus/veilig-wonen"`,
			strings.Replace(`href="/veilig-wonen/aanvragen/nieuw?scan=ID"`, "ID", strings.TrimPrefix(res, "/scans/resultaten/"), 1),
			strings.Replace(`href="/ondersteuning/nieuw?scan=ID"`, "ID", strings.TrimPrefix(res, "/scans/resultaten/"), 1))
		webtest.WantNotInBody(t, out, "Vorige keer")
		// A second take shows what changed since the first.
		again := e.start(t, "woningscan")
		for n := 1; n <= len(d.Pages); n++ {
			e.answerPage(t, again, "woningscan", n, func(q scan.Question) string { return q.Answers[0].Key })
		}
		second := e.Get(again)
		webtest.WantBody(t, second, "Vorige keer (23-11-2026)", "0 van 100 (&#43;100, beter)")
		// A finished take does not change any more.
		webtest.WantLocation(t, e.Get(res+"/stap/1"), res)
		if got := e.Post(res+"/stap/1", url.Values{"actie": {"volgende"}}); got.StatusCode != http.StatusConflict {
			t.Errorf("answering a finished scan: %d", got.StatusCode)
		}
		if e.Audits("scan.finish") != 2 {
			t.Error("finish not audited")
		}
		// Delete it.
		webtest.WantLocation(t, e.Post(res+"/verwijderen", url.Values{}), "/scans")
		webtest.WantStatus(t, e.Get(res), http.StatusNotFound)
	})
}

func TestNobodyElseSeesAPersonsScan(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.Account("raadslid@example.org", auth.RoleMember, orgUtrecht)
		e.Login("raadslid@example.org")
		res := e.start(t, "persoonlijke-veiligheid")
		e.answerPage(t, res, "persoonlijke-veiligheid", 1, weakest)

		others := map[string]struct {
			role auth.Role
			org  string
		}{
			"collega@example.org":   {auth.RoleMember, orgUtrecht},
			"coord@example.org":     {auth.RoleCoordinator, orgUtrecht},
			"coord-ams@example.org": {auth.RoleCoordinator, orgAmersfoort},
			"otwb@example.org":      {auth.RoleSupportTeam, ""},
		}
		for email, o := range others {
			b := &env{Env: e.Browser(), Scans: e.Scans}
			b.Account(email, o.role, o.org)
			b.Login(email)
			for _, path := range []string{res, res + "/stap/1", res + "/stap/2"} {
				webtest.WantStatus(t, b.Get(path), http.StatusNotFound)
			}
			webtest.WantStatus(t, b.Post(res+"/stap/1", url.Values{"actie": {"later"}}), http.StatusNotFound)
			webtest.WantStatus(t, b.Post(res+"/verwijderen", url.Values{}), http.StatusNotFound)
			webtest.WantNotInBody(t, b.Get("/scans"), res)
		}
		// Anonymous: to the login page.
		anon := e.Browser()
		webtest.WantLocation(t, anon.Get(res), "/login")
		webtest.WantLocation(t, anon.Post(res+"/stap/1", url.Values{}), "/login")
		if e.Audits("scan.denied") == 0 {
			t.Error("refusals not audited")
		}
		// The owner still has their answers.
		r, _ := e.Scans.List(t.Context(), nil)
		if len(r) != 0 {
			t.Error("a list without a person")
		}
	})
}

func TestOrganisationScanForItsCoordinators(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.Account("griffier@example.org", auth.RoleCoordinator, orgUtrecht)
		e.Login("griffier@example.org")
		webtest.WantBody(t, e.Get("/scans"), "Weerbaarheidsscan voor de organisatie", "Datavolwassenheidsscan ondermijning")
		res := e.start(t, "datavolwassenheidsscan")
		d := e.Scans.Library().Get("datavolwassenheidsscan")
		for n := 1; n <= len(d.Pages); n++ {
			e.answerPage(t, res, "datavolwassenheidsscan", n, func(q scan.Question) string { return q.Answers[0].Key })
		}
		out := e.Get(res)
		webtest.WantBody(t, out, "Geen enkel onderdeel blijft onder de grens", "Er zijn geen zwakke punten gevonden")
		webtest.WantNotInBody(t, out, "/veilig-wonen/aanvragen/nieuw")

		same := &env{Env: e.Browser(), Scans: e.Scans}
		same.Account("secretaris@example.org", auth.RoleCoordinator, orgUtrecht)
		same.Login("secretaris@example.org")
		webtest.WantStatus(t, same.Get(res), http.StatusOK)

		for email, o := range map[string]struct {
			role auth.Role
			org  string
		}{"lid@example.org": {auth.RoleMember, orgUtrecht}, "griffier-ams@example.org": {auth.RoleCoordinator, orgAmersfoort}} {
			b := &env{Env: e.Browser(), Scans: e.Scans}
			b.Account(email, o.role, o.org)
			b.Login(email)
			webtest.WantStatus(t, b.Get(res), http.StatusNotFound)
		}
		member := e.Browser()
		member.Login("lid@example.org")
		webtest.WantStatus(t, member.Post("/scans/weerbaarheidsscan-organisatie/starten", url.Values{}), http.StatusNotFound)
	})
}
