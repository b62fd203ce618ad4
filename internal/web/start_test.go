package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
	"weerbaar/internal/web/webtest"
)

func TestStartPageShowsTheSectionsOfTheRole(t *testing.T) {
	e := webtest.Shell(t)
	tests := []struct {
		email     string
		role      auth.Role
		org       string
		want, not []string
	}{
		{"lid@example.org", auth.RoleMember, "GM0344",
			[]string{"Melding maken", "Mijn meldingen", "Mijn beveiliging"},
			[]string{"Meldingen van de organisatie", "Beheer"}},
		{"coordinator@example.org", auth.RoleCoordinator, "GM0344",
			[]string{"Meldingen van de organisatie", "Accounts van de organisatie", "Mijn beveiliging"},
			[]string{"Melding maken"}},
		{"beheer@example.org", auth.RoleAdmin, "",
			[]string{"Maak accounts aan", "Mijn beveiliging"},
			[]string{"Melding maken", "Meldingen van de organisatie"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.role), func(t *testing.T) {
			e.Client.Jar, _ = cookiejar.New(nil) // a fresh browser per role
			e.Account(tt.email, tt.role, tt.org)
			e.Login(tt.email)
			r := e.Get("/")
			webtest.WantStatus(t, r, http.StatusOK)
			webtest.WantBody(t, r, tt.want...)
			webtest.WantNotInBody(t, r, tt.not...)
			e.Post("/logout", nil)
		})
	}
}

func TestStartPageSectionsComeFromFeaturesAndOneFailureDoesNotBreakIt(t *testing.T) {
	open := web.Section{Name: "open-werk", Roles: []auth.Role{auth.RoleMember},
		Load: func(_ context.Context, p *auth.Principal) (*web.SectionView, error) {
			return &web.SectionView{TitleKey: "start.member.title", Items: []web.Item{
				{Text: "Melding 2026-0001 <b>", Href: "/meldingen/1", Meta: "te laat", Urgent: true}}}, nil
		}}
	broken := web.Section{Name: "kapot", Load: func(context.Context, *auth.Principal) (*web.SectionView, error) {
		return nil, errors.New("database weg")
	}}
	hidden := web.Section{Name: "leeg", Load: func(context.Context, *auth.Principal) (*web.SectionView, error) { return nil, nil }}
	e := webtest.Shell(t, func(o *webtest.Options) { o.Sections = []web.Section{open, broken, hidden} })
	e.Account("lid@example.org", auth.RoleMember, "GM0344")
	e.Login("lid@example.org")
	r := e.Get("/")
	webtest.WantStatus(t, r, http.StatusOK)
	webtest.WantBody(t, r, `href="/meldingen/1"`, "Melding 2026-0001 &lt;b&gt;", "weerbaar-meta--urgent",
		"Dit onderdeel is nu niet beschikbaar", `aria-labelledby="sectie-open-werk"`)
	webtest.WantNotInBody(t, r, "database weg", "sectie-leeg")
}

func TestStartPageShowsTheRolesOwnWorkBeforeOwnSecurity(t *testing.T) {
	team := web.Section{Name: "ondersteuningsteam", Roles: []auth.Role{auth.RoleSupportTeam},
		Load: func(context.Context, *auth.Principal) (*web.SectionView, error) {
			return &web.SectionView{TitleKey: "start.member.title"}, nil
		}}
	e := webtest.Shell(t, func(o *webtest.Options) { o.Sections = []web.Section{team} })
	e.Account("team@example.org", auth.RoleSupportTeam, "")
	e.Login("team@example.org")
	r := e.Get("/")
	webtest.WantStatus(t, r, http.StatusOK)
	work, security := strings.Index(r.Body, `id="sectie-ondersteuningsteam"`), strings.Index(r.Body, `id="sectie-beveiliging"`)
	if work < 0 || security < 0 || work > security {
		t.Fatalf("the team's own section (at %d) must come before own security (at %d)", work, security)
	}
}

func TestVisitorsGetAPublicStartPageWithTheWaysIn(t *testing.T) {
	e := webtest.Shell(t)
	r := e.Get("/")
	webtest.WantStatus(t, r, http.StatusOK)
	webtest.WantBody(t, r, "Bent u nu in gevaar?", `href="tel:112"`, `href="tel:09008844"`, "0900-8844",
		`href="/login?terug=%2Fmeldingen%2Fnieuw"`, `href="/anoniem-melden"`, `href="/anoniem-volgen"`,
		"Hulp vinden", `href="/login"`)
	// The order a frightened person needs: danger first, login last.
	order := []string{"tel:112", "/anoniem-melden", "/anoniem-volgen", "Hulp vinden", `href="/login"`}
	last := -1
	for _, s := range order {
		i := strings.Index(r.Body, s)
		if i < last {
			t.Errorf("%q comes before what should precede it", s)
		}
		last = i
	}
	webtest.WantNotInBody(t, r, "Welkom,", "utrecht-nav-list__link")
	e.Get("/taal/en")
	en := e.Get("/")
	webtest.WantBody(t, en, "Are you in danger right now?", "Report anonymously, without an account", "Find help")
}
