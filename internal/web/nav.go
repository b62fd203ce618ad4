package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"weerbaar/internal/auth"
)

// NavItem is one entry of the main menu.
type NavItem struct {
	Key, Href string
	Current   bool
}

// MenuItem is one entry of the main menu: catalogue key, path and the
// roles that see it (none listed: every signed-in person). Capabilities
// add theirs with AddMenu; the menu keeps the order of mounting, after
// the start page.
type MenuItem struct {
	Key, Href string
	Roles     []auth.Role
}

// AddMenu adds entries to the main menu.
func (s *Server) AddMenu(items ...MenuItem) { s.menu = append(s.menu, items...) }

// Nav returns the menu for the page's principal, marking the current page.
func (p *Page) Nav() []NavItem {
	if p.Principal == nil {
		return nil
	}
	path, _, _ := strings.Cut(p.Path, "?")
	var out []NavItem
	for _, m := range append([]MenuItem{{Key: "nav.start", Href: "/"}}, p.menu...) {
		if len(m.Roles) > 0 && !HasRole(p.Principal, m.Roles) {
			continue
		}
		cur := path == m.Href || (m.Href != "/" && strings.HasPrefix(path, m.Href+"/"))
		out = append(out, NavItem{Key: m.Key, Href: m.Href, Current: cur})
	}
	return out
}

func HasRole(p *auth.Principal, roles []auth.Role) bool {
	for _, r := range roles {
		if p.Role == r {
			return true
		}
	}
	return false
}

// Crumb is one step of the breadcrumb.
type Crumb struct {
	Text, Href, Heading string
	Current             bool
}

// Crumbs builds a breadcrumb from pairs of catalogue key and path; the
// last pair is the current page. In a template:
//
//	{{define "breadcrumb"}}{{template "breadcrumb-nav" (.Crumbs "nav.start" "/" "account.title" "/account")}}{{end}}
func (p *Page) Crumbs(pairs ...string) []Crumb {
	var out []Crumb
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Crumb{Text: p.T(pairs[i]), Href: pairs[i+1], Heading: p.T("shell.breadcrumb"),
			Current: i+2 >= len(pairs)})
	}
	return out
}

// Pager is the pagination under a list.
type Pager struct {
	Total              int
	Label              string
	Prev, Next         string
	PrevText, NextText string
	Pages              []PageLink
}

// PageLink is one numbered page of a Pager.
type PageLink struct {
	Number  int
	Href    string
	Label   string
	Current bool
}

// Pager builds the pagination for page current (from 1) of total, with
// links that set ?pagina=N on the page's own URL and keep other parameters.
// It shows the first, last and two pages around the current one.
func (p *Page) Pager(current, total int) Pager {
	pg := Pager{Total: total, Label: p.T("pager.label"), PrevText: p.T("pager.prev"), NextText: p.T("pager.next")}
	href := func(n int) string { return pageHref(p.Path, n) }
	if current > 1 {
		pg.Prev = href(current - 1)
	}
	if current < total {
		pg.Next = href(current + 1)
	}
	for n := 1; n <= total; n++ {
		if n == 1 || n == total || (n >= current-2 && n <= current+2) {
			pg.Pages = append(pg.Pages, PageLink{Number: n, Href: href(n), Current: n == current,
				Label: p.T("pager.page", n)})
		}
	}
	return pg
}

func pageHref(requestURI string, n int) string {
	u, err := url.Parse(requestURI)
	if err != nil {
		return fmt.Sprintf("?pagina=%d", n)
	}
	q := u.Query()
	q.Set("pagina", strconv.Itoa(n))
	u.RawQuery = q.Encode()
	return u.RequestURI()
}
