package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"weerbaar/internal/web/webtest"
)

// TestErrorSummaryNamesEachFieldByItsLabel: "Vul dit veld in." seven times
// says nothing; each line of the summary names its field and links to it.
func TestErrorSummaryNamesEachFieldByItsLabel(t *testing.T) {
	e := webtest.Shell(t)
	r := e.Post("/login", url.Values{})
	webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
	webtest.WantBody(t, r, `<a class="utrecht-link" href="#veld-email">E-mailadres: Vul uw e-mailadres in.</a>`,
		`<a class="utrecht-link" href="#veld-wachtwoord">Wachtwoord: `)
}
