package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestAangifteSheetNeverShowsTheHomeAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.startReport("nee")
		steps := completeSteps()
		steps[2] = url.Values{"occurredAt": {"2026-11-20T22:10"}, "placeKind": {"thuis"}, "placeDetail": {"Kerkstraat 12, Utrecht"}}
		e.fillSteps(id, steps)
		wantStatus(t, e.post(stepHref(id, 8), url.Values{"idempotencyKey": {"k"}, "actie": {"indienen"}}), http.StatusSeeOther)

		page := e.get(hrefOf(id, "/aangifte"))
		wantStatus(t, page, http.StatusOK)
		wantNotInBody(t, page, "Kerkstraat")
		// The seven W's, the VPT request, the address that is not the home
		// address, the employer option and "onder nummer".
		wantBody(t, page, "Wie?", "Wat?", "Waar?", "Waarmee?", "Op welke wijze?", "Wanneer?", "Waarom?",
			"VPT", "Adres voor politie, OM en rechtbank", "Utrecht", "onder nummer", "/static/meldingen.")
		if strings.Contains(page.body, "style=") {
			t.Error("the printable page has inline style; print rules belong in the CSS file")
		}
	})
}

func TestAangiftePDFIsADownload(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.reportComplete()
		r := e.get(hrefOf(id, "/aangifte.pdf"))
		wantStatus(t, r, http.StatusOK)
		if ct := r.Header.Get("Content-Type"); ct != "application/pdf" {
			t.Errorf("Content-Type %q", ct)
		}
		if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, ".pdf") {
			t.Errorf("Content-Disposition %q", cd)
		}
		if !strings.HasPrefix(r.body, "%PDF-") {
			t.Errorf("body starts %q", r.body[:min(10, len(r.body))])
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
		wantStatus(t, e.post(stepHref(id, 8), url.Values{"idempotencyKey": {"k"}, "actie": {"indienen"}}), http.StatusSeeOther)
		start := e.get("/")
		// Two working days after Monday 16 November: by the end of Wednesday 18th.
		wantBody(t, start, "Aangifte nog niet gedaan", "Melding 1: bereid de aangifte voor", hrefOf(id, "/aangifte"),
			"termijn verstreken (18-11-2026)")
		show := e.get(hrefOf(id, ""))
		wantBody(t, show, "uiterlijk 18-11-2026")
	})
}
