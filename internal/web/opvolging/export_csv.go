package opvolging

import (
	"bytes"
	"net/http"
	"strconv"

	"weerbaar/internal/auth"
	"weerbaar/internal/nltime"
)

// exportCSV sends the organisation's incidents that match the list's
// filters as CSV (clear fields only; the service audits the export). The
// route asks for the password or second factor again first when the last
// check is older than 15 minutes.
func (s *Server) exportCSV(w http.ResponseWriter, r *http.Request) {
	if s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	p := auth.FromContext(r.Context())
	flt, form := s.coordFilter(r)
	if form.HasErrors() {
		s.ErrorPage(w, r, http.StatusBadRequest, "error.bad_request")
		return
	}
	flt.Page = 0
	// Into a buffer first: a failure halfway must become an error page,
	// not half a file that looks complete.
	var buf bytes.Buffer
	res, err := s.incidents.ExportCSVCounted(r.Context(), p, p.OrgID, flt, &buf)
	if err != nil {
		s.coordFail(w, r, err, false)
		return
	}
	name := "meldingen-" + s.Now().In(nltime.Location()).Format("2006-01-02") + ".csv"
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	// The list page warns about left-out meldingen; the file says it too,
	// for whoever scripts the download.
	h.Set("Skipped-Count", strconv.Itoa(res.Skipped))
	w.Write(buf.Bytes())
}
