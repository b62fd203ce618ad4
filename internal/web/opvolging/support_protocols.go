package opvolging

import (
	"net/http"
)

// supportGapGroup is the organisations of one kind without a protocol.
type supportGapGroup struct {
	KindKey string
	Orgs    []supportGapOrg
}

type supportGapOrg struct{ Code, Name string }

// supportWithoutProtocol lists every gemeente, provincie and waterschap
// that has no norm and aggression protocol in Weerbaar yet, for the
// support team to call on.
func (s *Server) supportWithoutProtocol(w http.ResponseWriter, r *http.Request) {
	if s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	p := s.Page(r, "followup.support.gaps.title")
	orgs, err := s.incidents.OrganisationsWithoutProtocol(r.Context(), p.Principal)
	if err != nil {
		s.coordFail(w, r, err, false)
		return
	}
	var groups []supportGapGroup
	for _, o := range orgs {
		if len(groups) == 0 || groups[len(groups)-1].KindKey != "followup.org_kind."+o.Kind {
			groups = append(groups, supportGapGroup{KindKey: "followup.org_kind." + o.Kind})
		}
		g := &groups[len(groups)-1]
		g.Orgs = append(g.Orgs, supportGapOrg{Code: o.Code, Name: o.Name})
	}
	p.Data = struct {
		Total  int
		Groups []supportGapGroup
	}{len(orgs), groups}
	s.Render(w, r, http.StatusOK, "support_without_protocol", p)
}
