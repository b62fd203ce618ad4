package meldingen_test

import (
	"net/http"
	"strings"
	"testing"

	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/webtest"
)

func TestAnonymousFormSummaryNamesTheRequiredFields(t *testing.T) {
	e := newReportEnv(t, storetest.SQLite(t))
	r := e.upload("/anoniem-melden", nil, map[string]string{"placeKind": "werk"})
	webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
	summary, _, _ := strings.Cut(r.Body[strings.Index(r.Body, "weerbaar-error-summary"):], "</ul>")
	if strings.Count(summary, "<li") == 0 || strings.Count(summary, `">Vul dit veld in.</a>`) > 0 {
		t.Fatalf("a summary line without its field's name:\n%s", summary)
	}
	webtest.WantBody(t, r, `href="#veld-description">Wat is er gebeurd? Vul dit veld in.</a>`, `href="#veld-orgId">Organisatie waar het om gaat: Kies de organisatie.</a>`)
}
