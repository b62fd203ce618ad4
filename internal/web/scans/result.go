package scans

import (
	"net/http"

	"weerbaar/internal/scan"
)

// adviceView is one weak point with its links.
type adviceView struct {
	scan.Advice
	Links []linkView
}

// domainAdvice is the advice of one domain, in the outcome's order.
type domainAdvice struct {
	Title string
	Items []adviceView
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
	advice := groupAdvice(d, out.Advice)
	var changes map[string]scan.Change
	var previous string
	if prev, err := s.scans.Previous(r.Context(), p.Principal, res); err != nil {
		s.fail(w, r, err)
		return
	} else if prev != nil {
		changes, previous = scan.Compare(scan.Score(d, prev.Answers), out), p.FmtDate(prev.FinishedAt)
	}
	p.Data = struct {
		Result      *scan.Result
		Scan        *scan.Definition
		Outcome     scan.Outcome
		Advice      []domainAdvice
		Finished    string
		Support     bool
		VeiligWonen bool
		Personal    bool
		Changes     map[string]scan.Change
		Previous    string
		Own         bool
		Min         int
	}{res, d, out, advice, p.FmtDate(res.FinishedAt), d.Has(scan.OfferSupport),
		d.Has(scan.OfferVeiligWonen), res.Audience == scan.AudiencePerson, changes, previous,
		res.AccountID == p.Principal.AccountID, scan.MinShared}
	s.Render(w, r, http.StatusOK, "scans_result", p)
}

// groupAdvice puts the advice under its domain, keeping the order.
func groupAdvice(d *scan.Definition, list []scan.Advice) []domainAdvice {
	var out []domainAdvice
	at := map[string]int{}
	for _, a := range list {
		i, ok := at[a.Domain]
		if !ok {
			i = len(out)
			at[a.Domain] = i
			out = append(out, domainAdvice{Title: d.DomainTitle(a.Domain)})
		}
		v := adviceView{Advice: a}
		for _, l := range a.Links {
			v.Links = append(v.Links, linkView{Slug: l, Href: scan.CatalogHref(l)})
		}
		out[i].Items = append(out[i].Items, v)
	}
	return out
}
