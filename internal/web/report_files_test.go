package web

import (
	"net/http"
	"strings"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestWrongFileTypeIsRefusedInDutchAndTheOthersKept(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.startReport("nee")
		r := e.upload(stepHref(id, 7), [][2]string{
			{"programma.exe", "MZ\x90\x00\x03\x00\x00\x00binary"},
			{"verklaring.txt", "Wat ik zag en hoorde.\n"},
			{"foto.png", "dit is geen plaatje\n"},
		}, map[string]string{"actie": "upload"})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		msg := fieldError(r.body, "attachments")
		for _, want := range []string{"programma.exe heeft een soort die niet kan worden toegevoegd", "foto.png"} {
			if !strings.Contains(msg, want) {
				t.Errorf("error next to the files: %q lacks %q", msg, want)
			}
		}
		wantBody(t, r, "Controleer het formulier", "verklaring.txt")
		if strings.Contains(msg, "verklaring.txt") {
			t.Error("the good file is named as a problem")
		}
		// The good file was stored with the draft.
		again := e.get(stepHref(id, 7))
		wantBody(t, again, "verklaring.txt")
		wantNotInBody(t, again, "programma.exe")
	})
}

func TestDownloadIsTheFileAsAnAttachment(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.reportComplete()
		up := e.upload(hrefOf(id, "/bijlagen"), [][2]string{{"brief.txt", "U gaat eraan.\n"}}, nil)
		wantStatus(t, up, http.StatusSeeOther)
		page := e.get(hrefOf(id, ""))
		i := strings.Index(page.body, hrefOf(id, "/bijlagen/"))
		if i < 0 {
			t.Fatal("no download link")
		}
		link := page.body[i : i+strings.Index(page.body[i:], `"`)]
		r := e.get(link)
		wantStatus(t, r, http.StatusOK)
		if r.body != "U gaat eraan.\n" {
			t.Errorf("download is %q", r.body)
		}
		if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, "brief.txt") {
			t.Errorf("Content-Disposition %q", cd)
		}
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("Content-Type %q", ct)
		}
	})
}
