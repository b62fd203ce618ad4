package e2e

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// strictCSP is as strict as Weerbaar's own policy: no inline script or style.
const strictCSP = "default-src 'none'; style-src 'self'; script-src 'self'"

const selfTestBad = `<!doctype html><html><head><title>x</title></head><body>
<script>document.title = 'inline ran'</script>
<p>Naam</p><input type="text">
</body></html>`

const selfTestGood = `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Proefpagina</title><link rel="stylesheet" href="/style.css"></head>
<body><main><h1>Proefpagina</h1><label for="naam">Naam</label> <input id="naam" type="text"></main></body></html>`

// TestHarnessFindsViolationsUnderStrictCSP proves the checks can fail: on
// a page whose CSP forbids inline script, axe-core still runs (injected
// through DevTools) and finds the unlabelled field and the missing
// language, and the refused inline script is reported; a clean page passes.
func TestHarnessFindsViolationsUnderStrictCSP(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	mux := http.NewServeMux()
	page := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Security-Policy", strictCSP)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(body))
		}
	}
	mux.HandleFunc("GET /bad", page(selfTestBad))
	mux.HandleFunc("GET /good", page(selfTestGood))
	mux.HandleFunc("GET /style.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		w.Write([]byte("body { font-family: sans-serif; color: #1a1a1a; }"))
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()

	b := newTab(t, tl, ts.URL, "harness")
	b.do("open /bad", chromedp.Navigate(ts.URL+"/bad"))
	var ids []string
	for _, v := range b.axe() {
		ids = append(ids, v.ID)
	}
	for _, want := range []string{"label", "html-has-lang"} {
		if !slices.Contains(ids, want) {
			t.Errorf("axe found %v on the bad page, want %q among them", ids, want)
		}
	}
	if title := eval[string](b, `document.title`); title != "x" {
		t.Errorf("inline script ran despite the CSP: title %q", title)
	}
	if errs := b.console.take(ts.URL + "/bad"); !strings.Contains(strings.Join(errs, "\n"), "Content Security Policy") {
		t.Errorf("the refused inline script was not reported; browser said %q", errs)
	}

	if !eval[bool](b, `matchMedia('(prefers-reduced-motion: reduce)').matches`) {
		t.Errorf("the browser does not ask for reduced motion; smooth scrolling makes clicks miss")
	}

	b.visit("/good", "proefpagina")
	b.see("h1", "Proefpagina")
}
