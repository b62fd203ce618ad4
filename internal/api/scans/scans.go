// Package scans is the JSON API of the self-scans: the results a person
// may see, and one result scored per domain with its advice. The scan
// service decides who sees what, as for the web pages.
package scans

import (
	_ "embed"
	"errors"
	"net/http"
	"time"

	"weerbaar/internal/api"
	"weerbaar/internal/auth"
	"weerbaar/internal/scan"
)

//go:embed openapi.json
var document []byte

// API is the scans part of the JSON API.
type API struct{ scans *scan.Service }

// New returns the scans API on the service.
func New(s *scan.Service) *API { return &API{scans: s} }

// Document is its part of the OpenAPI document.
func (a *API) Document() []byte { return document }

// Classify answers a result one may not see like a missing one.
func (a *API) Classify(err error) (int, string, bool) {
	switch {
	case errors.Is(err, scan.ErrNotFound), errors.Is(err, scan.ErrForbidden):
		return http.StatusNotFound, "api.detail.not_found", true
	}
	return 0, "", false
}

// Routes are the endpoints.
func (a *API) Routes(k *api.Kit) []api.Route {
	return []api.Route{
		{Method: http.MethodGet, Path: "/scan-resultaten", Handle: func(w http.ResponseWriter, r *http.Request) error {
			return a.list(k, w, r)
		}},
		{Method: http.MethodGet, Path: "/scan-resultaten/{id}", Handle: func(w http.ResponseWriter, r *http.Request) error {
			return a.show(k, w, r)
		}},
	}
}

type summaryDoc struct {
	ID         int64      `json:"id"`
	Scan       string     `json:"scan"`
	Title      string     `json:"title"`
	Audience   string     `json:"audience"`
	Status     string     `json:"status"`
	StartedAt  time.Time  `json:"startedAt"`
	FinishedAt *time.Time `json:"finishedAt"`
}

func (a *API) list(k *api.Kit, w http.ResponseWriter, r *http.Request) error {
	list, err := a.scans.List(r.Context(), auth.FromContext(r.Context()))
	if err != nil {
		return err
	}
	out := make([]summaryDoc, 0, len(list))
	for _, s := range list {
		d := summaryDoc{ID: s.ID, Scan: s.Scan, Title: s.Title, Audience: string(s.Audience), Status: string(s.Status), StartedAt: s.StartedAt}
		if !s.FinishedAt.IsZero() {
			f := s.FinishedAt
			d.FinishedAt = &f
		}
		out = append(out, d)
	}
	k.WriteJSON(w, r, http.StatusOK, struct {
		Items []summaryDoc `json:"items"`
	}{out})
	return nil
}

type domainDoc struct {
	Key       string `json:"key"`
	Title     string `json:"title"`
	Score     *int   `json:"score"`
	Threshold int    `json:"threshold"`
	Attention bool   `json:"attention"`
}

type adviceDoc struct {
	Domain   string   `json:"domain"`
	Question string   `json:"question"`
	Answer   string   `json:"answer"`
	Advice   string   `json:"advice"`
	Links    []string `json:"links"`
}

func (a *API) show(k *api.Kit, w http.ResponseWriter, r *http.Request) error {
	id, err := k.PathID(r, "id")
	if err != nil {
		return err
	}
	res, err := a.scans.Get(r.Context(), auth.FromContext(r.Context()), id)
	if err != nil {
		return err
	}
	doc := struct {
		summaryDoc
		Version   int         `json:"version"`
		Domains   []domainDoc `json:"domains"`
		Attention []string    `json:"attention"`
		Advice    []adviceDoc `json:"advice"`
	}{summaryDoc: summaryDoc{ID: res.ID, Scan: res.Scan, Title: res.Scan, Audience: string(res.Audience),
		Status: string(res.Status), StartedAt: res.StartedAt}, Version: res.Version,
		Domains: []domainDoc{}, Attention: []string{}, Advice: []adviceDoc{}}
	if !res.FinishedAt.IsZero() {
		f := res.FinishedAt
		doc.FinishedAt = &f
	}
	if d, err := a.scans.Definition(res); err == nil && res.Status == scan.StatusDone {
		doc.Title = d.Title
		out := scan.Score(d, res.Answers)
		for _, ds := range out.Domains {
			dd := domainDoc{Key: ds.Key, Title: ds.Title, Threshold: ds.Threshold, Attention: ds.Attention}
			if ds.Score >= 0 {
				sc := ds.Score
				dd.Score = &sc
			}
			doc.Domains = append(doc.Domains, dd)
		}
		for _, ds := range out.Attention {
			doc.Attention = append(doc.Attention, ds.Key)
		}
		for _, ad := range out.Advice {
			links := make([]string, 0, len(ad.Links))
			for _, l := range ad.Links {
				links = append(links, scan.CatalogHref(l))
			}
			doc.Advice = append(doc.Advice, adviceDoc{Domain: ad.Domain, Question: ad.Question, Answer: ad.Answer, Advice: ad.Text, Links: links})
		}
	}
	k.WriteJSON(w, r, http.StatusOK, doc)
	return nil
}
