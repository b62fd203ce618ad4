package web_test

import (
	"bytes"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"weerbaar/internal/web"
	"weerbaar/internal/web/webtest"
)

// partial renders one shared template with data, as a page would.
func partial(t *testing.T, s *web.Server, name string, data any) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Partial(&buf, name, data); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return buf.String()
}

// formPage is a Page as a handler builds it after a failed POST.
func formPage(t *testing.T, e *webtest.Env, values url.Values, errs map[string]string) *web.Page {
	t.Helper()
	r := httptest.NewRequest("GET", "/accounts/nieuw?x=1", nil)
	p := e.Web.Page(r, "login.title")
	p.Form = web.FormOf(values)
	for f, m := range errs {
		p.Form.AddError(f, m)
	}
	return p
}

func contains(t *testing.T, html string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(html, p) {
			t.Errorf("lacks %q in:\n%s", p, html)
		}
	}
}

func TestTextFieldShowsLabelDescriptionErrorAndKeptValue(t *testing.T) {
	e := webtest.Shell(t)
	p := formPage(t, e, url.Values{"code": {"12 34"}}, map[string]string{"code": "Deze code klopt niet."})
	html := partial(t, e.Web, "field-text", p.Field("code", "login.code", "inputmode=numeric", "autocomplete=one-time-code", "required"))
	contains(t, html,
		`<label class="utrecht-form-label" for="veld-code">Code</label>`,
		`id="veld-code-beschrijving"`, "De code van 6 cijfers",
		`id="veld-code-fout">Deze code klopt niet.`,
		`aria-describedby="veld-code-beschrijving veld-code-fout"`,
		`aria-invalid="true"`, `value="12 34"`, `inputmode="numeric"`, "required",
		"utrecht-form-field--invalid", "utrecht-textbox--invalid")
}

func TestChoiceFieldsMarkWhatThePersonChose(t *testing.T) {
	e := webtest.Shell(t)
	p := formPage(t, e, url.Values{"rol": {"coordinator"}, "soorten": {"a", "c"}, "thuisfront": {"ja"}}, nil)
	opts := []web.Option{{Value: "ambtsdrager", Label: "Ambtsdrager", Selected: true}, {Value: "coordinator", Label: "Coördinator"}}
	sel := partial(t, e.Web, "field-select", p.Field("rol", "login.email").WithOptions(opts))
	contains(t, sel, `<option value="coordinator" selected>Coördinator</option>`, `<option value="ambtsdrager">Ambtsdrager</option>`)

	radios := partial(t, e.Web, "field-radios", p.Field("rol", "login.email").WithOptions(opts))
	contains(t, radios, `role="radiogroup"`, `<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">E-mailadres</legend>`,
		`type="radio" id="veld-rol-1" name="rol" value="coordinator" checked`, `for="veld-rol-0"`)

	kinds := []web.Option{{Value: "a", Label: "A"}, {Value: "b", Label: "B"}, {Value: "c", Label: "C"}}
	boxes := partial(t, e.Web, "field-checkboxes", p.Field("soorten", "login.email").WithOptions(kinds))
	contains(t, boxes, `value="a" checked`, `value="b">`, `value="c" checked`)
	if strings.Contains(boxes, "radiogroup") {
		t.Error("checkbox group marked as radio group")
	}

	box := partial(t, e.Web, "field-checkbox", p.Field("thuisfront", "login.password"))
	contains(t, box, `type="checkbox" value="ja" id="veld-thuisfront" name="thuisfront" checked`)

	fresh := formPage(t, e, url.Values{}, nil)
	def := partial(t, e.Web, "field-select", fresh.Field("rol", "login.email").WithOptions(opts))
	contains(t, def, `<option value="ambtsdrager" selected>`)
}

func TestErrorSummaryLinksToFields(t *testing.T) {
	e := webtest.Shell(t)
	p := formPage(t, e, url.Values{}, map[string]string{"email": "Vul uw e-mailadres in."})
	p.Form.AddError("", "Het geheel klopt niet.")
	html := partial(t, e.Web, "form-errors", p)
	contains(t, html, `role="alert"`, `<a class="utrecht-link" href="#veld-email">Vul uw e-mailadres in.</a>`, "Het geheel klopt niet.")
}

func TestPagerKeepsOtherParametersAndMarksTheCurrentPage(t *testing.T) {
	e := webtest.Shell(t)
	p := formPage(t, e, nil, nil)
	html := partial(t, e.Web, "pagination", p.Pager(5, 12))
	contains(t, html, `aria-label="Paginering"`,
		`href="/accounts/nieuw?pagina=4&amp;x=1" rel="prev"`, `href="/accounts/nieuw?pagina=6&amp;x=1" rel="next"`,
		`aria-current="page" aria-label="Pagina 5">5</a>`, `>1</a>`, `>12</a>`, `>3</a>`, `>7</a>`)
	if strings.Contains(html, `>9</a>`) {
		t.Error("pager shows every page instead of the ones near the current")
	}
	if single := partial(t, e.Web, "pagination", p.Pager(1, 1)); strings.Contains(single, "<nav") {
		t.Error("a single page gets pagination")
	}
}

func TestBreadcrumbEndsAtTheCurrentPage(t *testing.T) {
	e := webtest.Shell(t)
	p := formPage(t, e, nil, nil)
	html := partial(t, e.Web, "breadcrumb-nav", p.Crumbs("nav.start", "/", "login.title", "/login"))
	contains(t, html, `aria-labelledby="kruimelpad-kop"`, `>Kruimelpad</h2>`,
		`utrecht-breadcrumb-nav__link--first" href="/" rel="home">Start</a>`, `href="/login" aria-current="page">Inloggen</a>`)
}

// A capability whose pages are not where the shell looks (for example
// handed over one folder too deep) is refused at start, not answered with
// a 500 on every one of its routes.
func TestAddPagesRefusesFilesWithoutPages(t *testing.T) {
	e := webtest.Shell(t)
	misplaced := fstest.MapFS{"pages/statement.html": {Data: []byte(`{{define "main"}}x{{end}}`)}}
	if err := e.Web.AddPages(misplaced); err == nil {
		t.Fatal("AddPages accepted files without templates/pages/*.html")
	}
	good := fstest.MapFS{"templates/pages/statement_probe.html": {Data: []byte(`{{define "main"}}x{{end}}`)}}
	if err := e.Web.AddPages(good); err != nil {
		t.Fatalf("AddPages(templates/pages/statement_probe.html): %v", err)
	}
}
