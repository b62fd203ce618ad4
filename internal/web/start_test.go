package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"

	"weerbaar/internal/auth"
)

func TestStartPageShowsTheSectionsOfTheRole(t *testing.T) {
	e := shellEnv(t)
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
			e.client.Jar, _ = cookiejar.New(nil) // a fresh browser per role
			e.account(tt.email, tt.role, tt.org)
			e.login(tt.email)
			r := e.get("/")
			wantStatus(t, r, http.StatusOK)
			wantBody(t, r, tt.want...)
			wantNotInBody(t, r, tt.not...)
			e.post("/logout", nil)
		})
	}
}

func TestStartPageSectionsComeFromFeaturesAndOneFailureDoesNotBreakIt(t *testing.T) {
	open := Section{Name: "open-werk", Roles: []auth.Role{auth.RoleMember},
		Load: func(_ context.Context, p *auth.Principal) (*SectionView, error) {
			return &SectionView{TitleKey: "start.member.title", Items: []Item{
				{Text: "Melding 2026-0001 <b>", Href: "/meldingen/1", Meta: "te laat", Urgent: true}}}, nil
		}}
	broken := Section{Name: "kapot", Load: func(context.Context, *auth.Principal) (*SectionView, error) {
		return nil, errors.New("database weg")
	}}
	hidden := Section{Name: "leeg", Load: func(context.Context, *auth.Principal) (*SectionView, error) { return nil, nil }}
	e := shellEnv(t, func(o *Options) { o.Sections = []Section{open, broken, hidden} })
	e.account("lid@example.org", auth.RoleMember, "GM0344")
	e.login("lid@example.org")
	r := e.get("/")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `href="/meldingen/1"`, "Melding 2026-0001 &lt;b&gt;", "weerbaar-meta--urgent",
		"Dit onderdeel is nu niet beschikbaar", `aria-labelledby="sectie-open-werk"`)
	wantNotInBody(t, r, "database weg", "sectie-leeg")
}

func TestStartPageShowsTheRolesOwnWorkBeforeOwnSecurity(t *testing.T) {
	team := Section{Name: "ondersteuningsteam", Roles: []auth.Role{auth.RoleSupportTeam},
		Load: func(context.Context, *auth.Principal) (*SectionView, error) {
			return &SectionView{TitleKey: "start.member.title"}, nil
		}}
	e := shellEnv(t, func(o *Options) { o.Sections = []Section{team} })
	e.account("team@example.org", auth.RoleSupportTeam, "")
	e.login("team@example.org")
	r := e.get("/")
	wantStatus(t, r, http.StatusOK)
	work, security := strings.Index(r.body, `id="sectie-ondersteuningsteam"`), strings.Index(r.body, `id="sectie-beveiliging"`)
	if work < 0 || security < 0 || work > security {
		t.Fatalf("the team's own section (at %d) must come before own security (at %d)", work, security)
	}
}
