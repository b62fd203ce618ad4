package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"weerbaar/internal/incident"
	"weerbaar/internal/nltime"
)

// failIncident turns the meldingen service's errors into pages: not found
// and refused both answer 404, so nobody learns that another person's
// report exists; a refused status change answers 409; a rate limit 429.
func (s *Server) failIncident(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, incident.ErrNotFound), errors.Is(err, incident.ErrForbidden):
		s.fail(w, r, fmt.Errorf("%w: %w", ErrNotFound, err))
	case errors.Is(err, incident.ErrTransition):
		s.errorPage(w, r, http.StatusConflict, "error.bad_request")
	default:
		s.fail(w, r, err)
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

// FmtDateTime shows t as a Dutch date and time ("23-11-2026 14:30").
func (p *Page) FmtDateTime(t time.Time) string { return fmtDateTime(t) }

func fmtDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(nltime.Location()).Format("02-01-2006 15:04")
}

// FmtDate shows t as a Dutch date ("23-11-2026").
func (p *Page) FmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(nltime.Location()).Format("02-01-2006")
}

// FmtDue shows the end of a working day: a due time at midnight is
// shown as the day before ("uiterlijk 24-11-2026"), as people read it.
func (p *Page) FmtDue(t time.Time) string { return fmtDue(t) }

func fmtDue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(nltime.Location()).Add(-time.Minute).Format("02-01-2006")
}

// Lbl translates a domain value through prefix: (.Lbl "incident.status." .Status).
func (p *Page) Lbl(prefix string, v any) string {
	return p.T(prefix + fmt.Sprint(v))
}

// Lbls translates each value through prefix, joined with commas.
func (p *Page) Lbls(prefix string, vs any) string {
	var out string
	add := func(v any) {
		if out != "" {
			out += ", "
		}
		out += p.T(prefix + fmt.Sprint(v))
	}
	switch list := vs.(type) {
	case []incident.Kind:
		for _, v := range list {
			add(v)
		}
	case []string:
		for _, v := range list {
			add(v)
		}
	}
	return out
}

// JaNee is "ja" or "nee" in the page's language.
func (p *Page) JaNee(b bool) string {
	if b {
		return p.T("report.yes_no.yes")
	}
	return p.T("report.yes_no.no")
}

// labelOptions builds choices from domain values, labelled through prefix.
func labelOptions[T ~string](p *Page, prefix string, values []T) []Option {
	out := make([]Option, len(values))
	for i, v := range values {
		out[i] = Option{Value: string(v), Label: p.T(prefix + string(v))}
	}
	return out
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
