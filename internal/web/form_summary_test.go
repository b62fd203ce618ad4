package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/store/storetest"
)

// TestErrorSummaryNamesEachFieldByItsLabel: "Vul dit veld in." seven times
// says nothing; each line of the summary names its field and links to it.
func TestErrorSummaryNamesEachFieldByItsLabel(t *testing.T) {
	e := shellEnv(t)
	r := e.post("/login", url.Values{})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `<a class="utrecht-link" href="#veld-email">E-mailadres: Vul uw e-mailadres in.</a>`,
		`<a class="utrecht-link" href="#veld-wachtwoord">Wachtwoord: `)
}

func TestAnonymousFormSummaryNamesTheRequiredFields(t *testing.T) {
	e := newReportEnv(t, storetest.SQLite(t))
	r := e.upload("/anoniem-melden", nil, map[string]string{"placeKind": "werk"})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	summary, _, _ := strings.Cut(r.body[strings.Index(r.body, "weerbaar-error-summary"):], "</ul>")
	if strings.Count(summary, "<li") == 0 || strings.Count(summary, `">Vul dit veld in.</a>`) > 0 {
		t.Fatalf("a summary line without its field's name:\n%s", summary)
	}
	wantBody(t, r, `href="#veld-description">Wat is er gebeurd? Vul dit veld in.</a>`, `href="#veld-orgId">Organisatie waar het om gaat: Vul dit veld in.</a>`)
}

func TestSummaryLineNamesItsFieldOnce(t *testing.T) {
	tests := []struct{ label, message, want string }{
		{"Omschrijving", "Vul dit veld in.", "Omschrijving: Vul dit veld in."},
		{"Wat is er gebeurd?", "Vul dit veld in.", "Wat is er gebeurd? Vul dit veld in."},
		{"Gedaan door", "Gedaan door: Vul dit veld in.", "Gedaan door: Vul dit veld in."},
		{"", "Vul dit veld in.", "Vul dit veld in."},
	}
	for _, tt := range tests {
		f := &Form{errors: map[string][]string{}}
		f.AddError("veld", tt.message)
		if tt.label != "" {
			f.setLabel("veld", tt.label)
		}
		if got := f.Summary()[0].Named(); got != tt.want {
			t.Errorf("label %q, message %q: %q, want %q", tt.label, tt.message, got, tt.want)
		}
	}
}
