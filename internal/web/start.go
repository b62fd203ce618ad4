package web

import (
	"context"
	"net/http"

	"weerbaar/internal/auth"
)

// Section is one part of the start page: what a person can do next or
// what work is waiting. Features add theirs through Options.Sections, so
// the start page grows without one template knowing every feature.
type Section struct {
	Name  string      // stable identifier, also the HTML id
	Roles []auth.Role // who sees it; empty means every signed-in person
	// Load fills the section for p. It returns nil when there is nothing
	// to show. It runs on every visit to the start page, so keep it to one
	// or two cheap queries.
	Load func(ctx context.Context, p *auth.Principal) (*SectionView, error)
}

// SectionView is what a section shows. Keys are catalogue keys; Items hold
// text from the database (already the person's to see) and are shown as is.
type SectionView struct {
	TitleKey string
	TextKey  string // optional sentence under the title
	TextArgs []any
	Actions  []Action
	Items    []Item
	EmptyKey string // shown when Items is empty and EmptyKey is set
	Failed   bool   // set by the start page when Load failed
	name     string
}

// Name is the section's identifier, for the HTML id.
func (v *SectionView) Name() string { return v.name }

// Action is a link to a task, drawn as a button-like link.
type Action struct {
	Key, Href string
	Primary   bool
}

// Item is one line of open work: a title with a link and a short note
// (such as a date or "te laat").
type Item struct {
	Text, Href, Meta string
	Urgent           bool
}

type startView struct {
	Sections []*SectionView
}

// welcomeView is the public start page.
type welcomeView struct {
	HelpHref string // where "find help" leads; empty until a capability offers it
}

// start shows a visitor the ways in, and a signed-in person the sections
// meant for their role.
func (s *Server) start(w http.ResponseWriter, r *http.Request) {
	pr := auth.FromContext(r.Context())
	if pr == nil {
		p := s.Page(r, "welcome.title")
		p.Data = welcomeView{HelpHref: s.helpHref}
		s.Render(w, r, http.StatusOK, "welcome", p)
		return
	}
	var views []*SectionView
	for _, sec := range s.sections {
		if len(sec.Roles) > 0 && !HasRole(pr, sec.Roles) {
			continue
		}
		v, err := sec.Load(r.Context(), pr)
		if err != nil {
			// One failing feature must not take the start page down.
			s.Log().Error("startpagina: sectie laden mislukt", "section", sec.Name, "err", err)
			v = &SectionView{TitleKey: "start.failed.title", TextKey: "start.failed.text", Failed: true}
		}
		if v == nil {
			continue
		}
		v.name = sec.Name
		views = append(views, v)
	}
	p := s.Page(r, "start.title")
	p.Data = startView{Sections: views}
	s.Render(w, r, http.StatusOK, "start", p)
}
