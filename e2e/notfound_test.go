package e2e

import "testing"

// TestUnknownAddressShowsNotFoundPageInTheShell: someone who mistypes an
// address gets a page in Weerbaar's own style that says so in Dutch and
// leads back to the start page, not a bare "404 page not found".
func TestUnknownAddressShowsNotFoundPageInTheShell(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	b := newTab(t, tl, srv.URL, "fout")

	b.visit("/bestaat-niet", "niet-gevonden")
	b.see("h1", "Pagina niet gevonden")
	b.see("main", "Deze pagina bestaat niet (meer).")
	b.press("main a[href='/']")
	b.see("h1", "Weerbaar")
}
