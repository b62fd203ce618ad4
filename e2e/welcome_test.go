package e2e

import "testing"

// TestVisitorFindsTheWaysInOnThePublicStartPage: someone without a login
// who opens Weerbaar sees first what to do in danger, then how to report
// (with or without an account), follow an anonymous report, find help and
// log in, in Dutch and in English, and reaches the anonymous form in one
// click.
func TestVisitorFindsTheWaysInOnThePublicStartPage(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	b := newTab(t, tl, srv.URL, "welkom")

	b.visit("/", "start")
	b.see("h1", "Weerbaar")
	b.see("main", "Bent u nu in gevaar?")
	b.see("main", "Bel 112")
	b.see("main", "0900-8844")
	b.see("main", "Een anonieme melding volgen")
	b.see("main", "Hulp vinden")
	if n := eval[int](b, `document.querySelectorAll("main a[href='tel:112']").length`); n != 1 {
		t.Errorf("%d links to call 112, want 1", n)
	}
	b.press("a[hreflang=en]")
	b.check("start-en")
	b.see("h1", "Weerbaar")
	b.see("main", "Are you in danger right now?")
	b.see("main", "Report anonymously, without an account")
	b.press("a[hreflang=nl]")
	b.press("main a[href='/anoniem-melden']")
	b.check("anoniem")
	b.see("h1", "Anoniem melden")
}
