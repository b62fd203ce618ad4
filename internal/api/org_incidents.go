package api

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
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
	s.writeJSON(w, r, http.StatusOK, pageDoc{Items: items, Page: list.Page, PageSize: list.PageSize,
		Total: list.Total, skippedDoc: s.skipped(r, list.Skipped)})
	return nil
}

// pageDoc is one page of a list (schema MeldingenPagina).
type pageDoc struct {
	Items    []summaryDoc `json:"items"`
	Page     int          `json:"page"`
	PageSize int          `json:"pageSize"`
	Total    int          `json:"total"`
	skippedDoc
}

// skippedDoc says how many stored incidents a list left out because they
// could not be read, with a sentence to show when there are any.
type skippedDoc struct {
	Skipped       int     `json:"skipped"`
	SkippedDetail *string `json:"skippedDetail"`
}

func (s *Server) skipped(r *http.Request, n int) skippedDoc {
	d := skippedDoc{Skipped: n}
	if n > 0 {
		msg := s.deps.Messages.T(language(r), "api.skipped", n)
		d.SkippedDetail = &msg
	}
	return d
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
	exp, err := s.deps.Incidents.ExportCSVCounted(r.Context(), auth.FromContext(r.Context()), orgID, f, &buf)
	if err != nil {
		return err
	}
	w.Header().Set("Skipped-Count", strconv.Itoa(exp.Skipped))
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
