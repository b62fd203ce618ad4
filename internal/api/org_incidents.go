package api

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"weerbaar/internal/auth"
	"weerbaar/internal/org"
)

// listOrgIncidents answers GET /organisaties/{code}/meldingen: one page of
// the organisation's incidents for its coördinator.
func (s *Server) listOrgIncidents(w http.ResponseWriter, r *http.Request) error {
	orgID, err := s.orgFromPath(r)
	if err != nil {
		return err
	}
	f, err := s.parseFilter(r, true)
	if err != nil {
		return err
	}
	list, err := s.deps.Incidents.ListForOrg(r.Context(), auth.FromContext(r.Context()), orgID, f)
	if err != nil {
		return err
	}
	items, err := s.summaryDocs(r.Context(), list.Items)
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, pageDoc{Items: items, Page: list.Page, PageSize: list.PageSize, Total: list.Total})
	return nil
}

// pageDoc is one page of a list (schema MeldingenPagina).
type pageDoc struct {
	Items    []summaryDoc `json:"items"`
	Page     int          `json:"page"`
	PageSize int          `json:"pageSize"`
	Total    int          `json:"total"`
}

// exportOrgIncidents answers GET /organisaties/{code}/meldingen/export
// with CSV. It is written to a buffer first, so a failure halfway still
// gets a proper problem response instead of half a file.
func (s *Server) exportOrgIncidents(w http.ResponseWriter, r *http.Request) error {
	orgID, err := s.orgFromPath(r)
	if err != nil {
		return err
	}
	f, err := s.parseFilter(r, false)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := s.deps.Incidents.ExportCSV(r.Context(), auth.FromContext(r.Context()), orgID, f, &buf); err != nil {
		return err
	}
	name := fmt.Sprintf("meldingen-%s-%s.csv", strings.ToLower(r.PathValue("code")), s.deps.Now().Format("20060102"))
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, err = w.Write(buf.Bytes())
	return err
}

// orgFromPath resolves the {code} path parameter to an organisation id.
func (s *Server) orgFromPath(r *http.Request) (int64, error) {
	o, err := s.deps.Orgs.ByCode(r.Context(), r.PathValue("code"))
	if errors.Is(err, org.ErrNotFound) {
		return 0, apiError(http.StatusNotFound, "api.detail.no_organisation", r.PathValue("code"))
	}
	return o.ID, err
}
