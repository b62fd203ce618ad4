package scans

import (
	"net/http"

	"weerbaar/internal/scan"
)

// adviceView is one weak point with its links.
type adviceView struct {
	scan.Advice
	DomainTitle string
	Links       []linkView
}

type linkView struct{ Slug, Href string }

// result shows a finished take: scores, attention, advice, next steps.
func (s *Server) result(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "scans.result.title")
	res, err := s.scans.Get(r.Context(), p.Principal, pathInt(r, "id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if res.Status == scan.StatusOpen {
		http.Redirect(w, r, stepHref(res.ID, res.Page), http.StatusSeeOther)
		return
	}
	d, err := s.scans.Definition(res)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := scan.Score(d, res.Answers)
	advice := make([]adviceView, len(out.Advice))
	for i, a := range out.Advice {
		advice[i] = adviceView{Advice: a, DomainTitle: d.DomainTitle(a.Domain)}
		for _, l := range a.Links {
			advice[i].Links = append(advice[i].Links, linkView{Slug: l, Href: scan.CatalogHref(l)})
		}
	}
	p.Data = struct {
		Result      *scan.Result
		Scan        *scan.Definition
		Outcome     scan.Outcome
		Advice      []adviceView
		Finished    string
		Support     bool
		VeiligWonen bool
		Personal    bool
	}{res, d, out, advice, p.FmtDate(res.FinishedAt), d.Has(scan.OfferSupport),
		d.Has(scan.OfferVeiligWonen), res.Audience == scan.AudiencePerson}
	s.Render(w, r, http.StatusOK, "scans_result", p)
}
