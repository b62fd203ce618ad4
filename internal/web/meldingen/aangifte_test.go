package meldingen_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/meldingen"
	"weerbaar/internal/web/webtest"
)

func TestAangifteSheetNeverShowsTheHomeAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.startReport("nee")
		steps := completeSteps()
		steps[2] = url.Values{"occurredAt": {"2026-11-20T22:10"}, "placeKind": {"thuis"}, "placeDetail": {"Kerkstraat 12, Utrecht"}}
		e.fillSteps(id, steps)
		webtest.WantStatus(t, e.Post(meldingen.StepHref(id, 8), url.Values{"idempotencyKey": {"k"}, "actie": {"indienen"}}), http.StatusSeeOther)

		page := e.Get(webtest.MeldingHref(id, "/aangifte"))
		webtest.WantStatus(t, page, http.StatusOK)
		webtest.WantNotInBody(t, page, "Kerkstraat")
		// The seven W's, the VPT request, the address that is not the home
		// address, the employer option and "onder nummer".
		webtest.WantBody(t, page, "Wie?", "Wat?", "Waar?", "Waarmee?", "Op welke wijze?", "Wanneer?", "Waarom?",
			"VPT", "Adres voor politie, OM en rechtbank", "Utrecht", "onder nummer", "/static/meldingen.")
		if strings.Contains(page.Body, "style=") {
			t.Error("the printable page has inline style; print rules belong in the CSS file")
		}
	})
}

func TestAangiftePDFIsADownload(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.reportComplete()
		r := e.Get(webtest.MeldingHref(id, "/aangifte.pdf"))
		webtest.WantStatus(t, r, http.StatusOK)
		if ct := r.Header.Get("Content-Type"); ct != "application/pdf" {
			t.Errorf("Content-Type %q", ct)
		}
		if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, ".pdf") {
			t.Errorf("Content-Disposition %q", cd)
		}
		if !strings.HasPrefix(r.Body, "%PDF-") {
			t.Errorf("body starts %q", r.Body[:min(10, len(r.Body))])
		}
	})
}

func TestAangifteReminderOnTheStartPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.startReport("nee")
		steps := completeSteps()
		steps[2] = url.Values{"occurredAt": {"2026-11-16T10:00"}, "placeKind": {"werk"}} // a Monday
		e.fillSteps(id, steps)
		webtest.WantStatus(t, e.Post(meldingen.StepHref(id, 8), url.Values{"idempotencyKey": {"k"}, "actie": {"indienen"}}), http.StatusSeeOther)
		start := e.Get("/")
		// Two working days after Monday 16 November: by the end of Wednesday 18th.
		webtest.WantBody(t, start, "Aangifte nog niet gedaan", "Melding 1: bereid de aangifte voor", webtest.MeldingHref(id, "/aangifte"),
			"termijn verstreken (18-11-2026)")
		show := e.Get(webtest.MeldingHref(id, ""))
		webtest.WantBody(t, show, "uiterlijk 18-11-2026")
	})
}
