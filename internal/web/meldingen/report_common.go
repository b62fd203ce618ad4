package meldingen

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// failIncident turns the meldingen service's errors into pages: not found
// and refused both answer 404, so nobody learns that another person's
// report exists; a refused status change answers 409; a rate limit 429.
func (s *Server) failIncident(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, incident.ErrNotFound), errors.Is(err, incident.ErrForbidden):
		s.Fail(w, r, fmt.Errorf("%w: %w", web.ErrNotFound, err))
	case errors.Is(err, incident.ErrUnreadable):
		// The service logged which row; the others are not affected.
		s.ErrorPage(w, r, http.StatusInternalServerError, "error.unreadable")
	case errors.Is(err, incident.ErrTransition):
		s.ErrorPage(w, r, http.StatusConflict, "error.bad_request")
	default:
		s.Fail(w, r, err)
	}
}

// incidentID reads the {id} of the path; 0 when it is no id.
func incidentID(r *http.Request, name string) int64 {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// fileView is one attachment as a list shows it.
type fileView struct{ Name, Href, Meta string }

// fileViews describes files; href (may be nil) gives each one's download link.
func fileViews(files []incident.AttachmentInfo, href func(incident.AttachmentInfo) string) []fileView {
	out := make([]fileView, len(files))
	for i, f := range files {
		out[i] = fileView{Name: f.Filename, Meta: fileKind(f.ContentType) + ", " + fileSize(f.Size)}
		if href != nil {
			out[i].Href = href(f)
		}
	}
	return out
}

func fileKind(ct string) string {
	switch ct {
	case incident.TypeJPEG:
		return "JPG"
	case incident.TypePNG:
		return "PNG"
	case incident.TypePDF:
		return "PDF"
	case incident.TypeEmail:
		return "e-mail"
	}
	return "tekst"
}

// fileSize is a size the Dutch way: "1,5 MB", "820 kB".
func fileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	case n >= 1<<10:
		return fmt.Sprintf("%d kB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
