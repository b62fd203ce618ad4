package meldingen_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"weerbaar/internal/incident"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/meldingen"
	"weerbaar/internal/web/webtest"
)

func TestReporterWalksEveryStepAndSubmits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		me := e.member("raadslid@example.org")
		webtest.WantStatus(t, e.Get("/meldingen/nieuw"), http.StatusOK)
		id := e.startReport("nee")
		e.fillSteps(id, completeSteps())
		files := e.Get(meldingen.StepHref(id, 7))
		webtest.WantStatus(t, files, http.StatusOK)
		webtest.WantBody(t, files, `enctype="multipart/form-data"`, `name="attachments"`)
		r := e.upload(meldingen.StepHref(id, 7), [][2]string{{"notitie.txt", "Wat hij zei, woord voor woord.\n"}}, map[string]string{"actie": "volgende"})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != meldingen.StepHref(id, 8) {
			t.Fatalf("files step: %d to %q\n%s", r.StatusCode, r.Header.Get("Location"), r.Body)
		}
		sum := e.Get(meldingen.StepHref(id, 8))
		webtest.WantBody(t, sum, "Na de vergadering werd ik bedreigd bij de uitgang.", "Bedreiging, Intimidatie", "Raadslid",
			"Utrecht", "Man van ongeveer 50", "notitie.txt", "20-11-2026 14:30")
		key := idemRE.FindStringSubmatch(sum.Body)[1]
		done := e.Post(meldingen.StepHref(id, 8), url.Values{"idempotencyKey": {key}, "actie": {"indienen"}})
		if done.StatusCode != http.StatusSeeOther || done.Header.Get("Location") != webtest.MeldingHref(id, "/ontvangen") {
			t.Fatalf("submit: %d to %q\n%s", done.StatusCode, done.Header.Get("Location"), done.Body)
		}
		conf := e.Get(webtest.MeldingHref(id, "/ontvangen"))
		webtest.WantStatus(t, conf, http.StatusOK)
		// Utrecht has no protocol in a fresh database: say who to contact.
		webtest.WantBody(t, conf, "Uw melding is ontvangen", "Wat gebeurt er nu?", "Ondersteuningsteam Weerbaar Bestuur",
			webtest.MeldingHref(id, ""), webtest.MeldingHref(id, "/aangifte"))
		if n := countIncidents(t, db, me.ID, incident.StatusNew); n != 1 {
			t.Fatalf("%d submitted incidents, want 1", n)
		}
		list := e.Get("/meldingen")
		webtest.WantBody(t, list, webtest.MeldingHref(id, ""), "Nieuw", "Bedreiging")
		show := e.Get(webtest.MeldingHref(id, ""))
		webtest.WantStatus(t, show, http.StatusOK)
		webtest.WantBody(t, show, "Melding", "Na de vergadering", "notitie.txt", webtest.MeldingHref(id, "/bijlagen/"), "Berichten met de behandelaar")
	})
}

func TestConfirmationShowsTheOrganisationsProtocol(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		coord := e.coordinator("griffier@example.org", "GM0344")
		if _, err := e.svc.SaveProtocol(t.Context(), coord, coord.OrgID, incident.Protocol{
			Norm: "Agressie accepteren wij niet.", ReportTo: "De griffier.", Steps: "Binnen een werkdag bellen wij u.",
			ConfidentialAdviser: "Vertrouwenspersoon via de griffie."}); err != nil {
			t.Fatal(err)
		}
		e.member("raadslid@example.org")
		id := e.reportComplete()
		conf := e.Get(webtest.MeldingHref(id, "/ontvangen"))
		webtest.WantBody(t, conf, "Het norm- en agressieprotocol van Gemeente Utrecht", "Binnen een werkdag bellen wij u.",
			"Vertrouwenspersoon via de griffie.", "U hoort uiterlijk 24-11-2026")
		webtest.WantNotInBody(t, conf, "heeft nog geen norm- en agressieprotocol")
	})
}

func TestDraftIsSavedAndResumed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		me := e.member("raadslid@example.org")
		id := e.startReport("nee")
		r := e.Post(meldingen.StepHref(id, 2), url.Values{"occurredAt": {"21-11-2026 20:15"}, "placeKind": {"online"},
			"platform": {"Facebook"}, "actie": {"concept"}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/meldingen" {
			t.Fatalf("save as draft: %d to %q", r.StatusCode, r.Header.Get("Location"))
		}
		list := e.Get("/meldingen")
		webtest.WantBody(t, list, "Uw melding is als concept opgeslagen", "Concept", "Verder invullen", meldingen.StepHref(id, 1))
		if n := countIncidents(t, db, me.ID, incident.StatusDraft); n != 1 {
			t.Fatalf("%d drafts, want 1", n)
		}
		back := e.Get(meldingen.StepHref(id, 2))
		webtest.WantStatus(t, back, http.StatusOK)
		webtest.WantBody(t, back, `value="2026-11-21T20:15"`, `value="Facebook"`, `value="online" checked`)
		// Enter in a field of step 4 presses the form's first button, a
		// hidden "next" without a name: it must not start the organisation search.
		webtest.WantBody(t, e.Get(meldingen.StepHref(id, 4)), `<button type="submit" hidden tabindex="-1">`)
		enter := e.Post(meldingen.StepHref(id, 4), url.Values{"mode": {"self"}, "victimRole": {"raadslid"}, "orgZoek": {"den"}})
		if enter.Header.Get("Location") != meldingen.StepHref(id, 5) {
			t.Fatalf("Enter on step 4 went to %q, want step 5", enter.Header.Get("Location"))
		}
		// A draft is not yet an incident: its page leads back into the form.
		if loc := e.Get(webtest.MeldingHref(id, "")).Header.Get("Location"); loc != meldingen.StepHref(id, 1) {
			t.Fatalf("draft page redirects to %q", loc)
		}
	})
}

func TestStepErrorsKeepWhatWasTyped(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.startReport("nee")
		tests := []struct {
			name, when, want string
		}{
			{"future", "2030-01-01T10:00", "Deze datum ligt in de toekomst."},
			{"unreadable", "gisteravond", "Vul de datum en tijd in als dag-maand-jaar uur:minuut"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := e.Post(meldingen.StepHref(id, 2), url.Values{"occurredAt": {tt.when}, "placeKind": {"openbare_ruimte"},
					"placeDetail": {"Markt bij het stadhuis"}, "actie": {"volgende"}})
				webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
				if got := webtest.FieldError(r.Body, "occurredAt"); !strings.Contains(got, tt.want) {
					t.Errorf("error next to the date: %q, want %q", got, tt.want)
				}
				webtest.WantBody(t, r, "Controleer het formulier", `href="#veld-occurredAt"`, `value="`+tt.when+`"`,
					`value="Markt bij het stadhuis"`, `value="openbare_ruimte" checked`)
			})
		}
		// Sending an incomplete report lists what is missing, linked to its step.
		sum := e.Post(meldingen.StepHref(id, 8), url.Values{"idempotencyKey": {"k1"}, "actie": {"indienen"}})
		webtest.WantStatus(t, sum, http.StatusUnprocessableEntity)
		webtest.WantBody(t, sum, "Vul eerst het volgende aan", meldingen.StepHref(id, 2)+"#veld-occurredAt",
			meldingen.StepHref(id, 3)+"#veld-description", meldingen.StepHref(id, 5)+"#veld-perpetratorKind", "Datum en tijd: Vul dit veld in.", "Wie deed het?: Kies wie het deed.")
	})
}

func TestInDangerShowsCall112BeforeAnythingElse(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		r := e.Post("/meldingen/nieuw", url.Values{"inDanger": {"ja"}, "actie": {"volgende"}})
		webtest.WantStatus(t, r, http.StatusSeeOther)
		loc := r.Header.Get("Location")
		if !strings.HasSuffix(loc, "/stap/1") {
			t.Fatalf("after 'in danger' the form went to %q, want step 1 with the alert", loc)
		}
		alert := e.Get(loc)
		main := alert.Body[strings.Index(alert.Body, `<main`):]
		i112, iForm := strings.Index(main, "Bel nu 112"), strings.Index(main, "<form")
		if i112 < 0 || iForm < 0 || i112 > iForm {
			t.Fatalf("the 112 alert must come before the form (alert at %d, form at %d)", i112, iForm)
		}
		webtest.WantBody(t, alert, `href="tel:112"`)
		// Continuing is allowed, and later steps keep a reminder.
		next := e.Post(loc, url.Values{"inDanger": {"ja"}, "actie": {"volgende"}})
		if !strings.HasSuffix(next.Header.Get("Location"), "/stap/2") {
			t.Fatalf("continue went to %q", next.Header.Get("Location"))
		}
		webtest.WantBody(t, e.Get(next.Header.Get("Location")), "U gaf aan in gevaar te zijn")
	})
}

func TestDoubleSubmitMakesOneIncident(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		me := e.member("raadslid@example.org")
		id := e.startReport("nee")
		e.fillSteps(id, completeSteps())
		key := e.summaryKey(id)
		var wg sync.WaitGroup
		locs := make([]string, 2)
		for i := range locs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := e.Post(meldingen.StepHref(id, 8), url.Values{"idempotencyKey": {key}, "actie": {"indienen"}})
				locs[i] = r.Header.Get("Location")
			}()
		}
		wg.Wait()
		// And a third press after both finished.
		locs = append(locs, e.Post(meldingen.StepHref(id, 8), url.Values{"idempotencyKey": {key}, "actie": {"indienen"}}).Header.Get("Location"))
		if n := countIncidents(t, db, me.ID, incident.StatusNew); n != 1 {
			t.Fatalf("%d incidents after pressing send three times, want 1", n)
		}
		for _, l := range locs {
			if l != webtest.MeldingHref(id, "/ontvangen") && l != webtest.MeldingHref(id, "") {
				t.Errorf("a repeated send went to %q", l)
			}
		}
	})
}
