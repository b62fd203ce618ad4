package meldingen_test

import (
	"net/http"
	"strings"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/meldingen"
	"weerbaar/internal/web/webtest"
)

func TestWrongFileTypeIsRefusedInDutchAndTheOthersKept(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.startReport("nee")
		r := e.upload(meldingen.StepHref(id, 7), [][2]string{
			{"programma.exe", "MZ\x90\x00\x03\x00\x00\x00binary"},
			{"verklaring.txt", "Wat ik zag en hoorde.\n"},
			{"foto.png", "dit is geen plaatje\n"},
		}, map[string]string{"actie": "upload"})
		webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
		msg := webtest.FieldError(r.Body, "attachments")
		for _, want := range []string{"programma.exe heeft een soort die niet kan worden toegevoegd", "foto.png"} {
			if !strings.Contains(msg, want) {
				t.Errorf("error next to the files: %q lacks %q", msg, want)
			}
		}
		webtest.WantBody(t, r, "Controleer het formulier", "verklaring.txt")
		if strings.Contains(msg, "verklaring.txt") {
			t.Error("the good file is named as a problem")
		}
		// The good file was stored with the draft.
		again := e.Get(meldingen.StepHref(id, 7))
		webtest.WantBody(t, again, "verklaring.txt")
		webtest.WantNotInBody(t, again, "programma.exe")
	})
}

func TestDownloadIsTheFileAsAnAttachment(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.reportComplete()
		up := e.upload(webtest.MeldingHref(id, "/bijlagen"), [][2]string{{"brief.txt", "U gaat eraan.\n"}}, nil)
		webtest.WantStatus(t, up, http.StatusSeeOther)
		page := e.Get(webtest.MeldingHref(id, ""))
		i := strings.Index(page.Body, webtest.MeldingHref(id, "/bijlagen/"))
		if i < 0 {
			t.Fatal("no download link")
		}
		link := page.Body[i : i+strings.Index(page.Body[i:], `"`)]
		r := e.Get(link)
		webtest.WantStatus(t, r, http.StatusOK)
		if r.Body != "U gaat eraan.\n" {
			t.Errorf("download is %q", r.Body)
		}
		if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, "brief.txt") {
			t.Errorf("Content-Disposition %q", cd)
		}
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("Content-Type %q", ct)
		}
	})
}
