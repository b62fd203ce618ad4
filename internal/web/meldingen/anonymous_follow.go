package meldingen

import (
	"errors"
	"net/http"
	"strings"

	"weerbaar/internal/httpx"
	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// anonFollowView is the status page behind a receipt code. The code
// travels only in the hidden field of its forms: never in a URL, cookie
// or log.
type anonFollowView struct {
	Code     string
	Inc      *incident.Incident
	Sections []factSection
	History  []timelineRow
	Messages []messageRow
	Files    []fileView
	Notice   string // after sending a message or files
	MaxFiles int
	MaxMB    int
}

// anonymousFollowForm asks for the receipt code.
func (s *Server) anonymousFollowForm(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "anon.follow.title")
	p.Form = web.NewForm(r)
	httpx.Untraceable(w)
	s.Render(w, r, http.StatusOK, "anonymous_follow", p)
}

// anonymousFollow opens the report behind the posted code, and first
// sends a message or adds files when the form asks for it.
func (s *Server) anonymousFollow(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "anon.follow.title")
	httpx.Untraceable(w)
	var files []incident.Upload
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		var tooBig bool
		var err error
		if files, tooBig, err = readUploads(w, r, "attachments"); err != nil || tooBig {
			s.ErrorPage(w, r, http.StatusRequestEntityTooLarge, "error.bad_request")
			return
		}
	}
	p.Form = web.NewForm(r)
	if r.MultipartForm != nil {
		p.Form.Values = r.PostForm
	}
	code, client := p.Form.Get("code"), httpx.ClientHost(r)
	notice, err := s.anonAction(r, p, code, client, files)
	if err == nil {
		var v *incident.ReceiptView
		if v, err = s.anon.Status(r.Context(), client, code); err == nil {
			s.renderAnonStatus(w, r, p, code, v, notice)
			return
		}
	}
	switch {
	case errors.Is(err, incident.ErrUnknownReceipt):
		p.Form = web.FormOf(map[string][]string{"code": {code}})
		p.Form.AddError("code", p.T("anon.follow.wrong"))
		s.Render(w, r, http.StatusUnprocessableEntity, "anonymous_follow", p)
	case errors.Is(err, incident.ErrRateLimited):
		p.Form = web.FormOf(map[string][]string{})
		p.Form.AddError("", p.T("anon.rate_limited"))
		s.Render(w, r, http.StatusTooManyRequests, "anonymous_follow", p)
	default:
		s.Fail(w, r, err)
	}
}

// anonAction sends the message or adds the files of the posted form.
// Field problems stay on p.Form and are shown on the status page.
func (s *Server) anonAction(r *http.Request, p *web.Page, code, client string, files []incident.Upload) (string, error) {
	switch p.Form.Get("actie") {
	case "bericht":
		_, err := s.anon.Send(r.Context(), client, code, p.Form.Get("body"))
		if s.AddProblems(r, p.Form, err) {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		p.Form.Values.Del("body")
		return p.T("anon.follow.sent"), nil
	case "bijlagen":
		if len(files) == 0 {
			p.Form.AddError("attachments", p.T("report.files.none_chosen"))
			return "", nil
		}
		n, err := s.attachEach(r, p.Form, files, func(u []incident.Upload) ([]incident.AttachmentInfo, error) {
			return s.anon.Attach(r.Context(), client, code, u)
		})
		if err != nil {
			return "", err
		}
		if n > 0 {
			return p.T("anon.follow.files_added", n), nil
		}
	}
	return "", nil
}

func (s *Server) renderAnonStatus(w http.ResponseWriter, r *http.Request, p *web.Page, code string, rv *incident.ReceiptView, notice string) {
	inc := rv.Incident
	v := &anonFollowView{Code: code, Inc: inc, Notice: notice, MaxFiles: incident.MaxAttachments,
		MaxMB: incident.MaxAttachmentSize >> 20}
	for _, sec := range reportFacts(p, inc, s.orgName(r, inc.OrgID), false) {
		switch sec.Step {
		case 6:
			// Only what the anonymous form asks: the impact questions.
			asked := map[string]bool{p.T("mine.field.impact"): true, p.T("mine.field.decisions"): true, p.T("mine.field.unsafe"): true}
			kept := sec.Facts[:0]
			for _, f := range sec.Facts {
				if asked[f.Label] {
					kept = append(kept, f)
				}
			}
			sec.Facts = kept
			fallthrough
		case 2, 3:
			v.Sections = append(v.Sections, sec)
		}
	}
	for _, h := range inc.History {
		v.History = append(v.History, timelineRow{When: p.FmtDateTime(h.At), What: p.Lbl("incident.status.", h.To)})
	}
	for _, m := range rv.Messages {
		mine := m.Sender == incident.SenderReporter
		v.Messages = append(v.Messages, messageRow{Mine: mine, When: p.FmtDateTime(m.CreatedAt), Body: m.Body,
			New: !mine && m.Unread()})
	}
	v.Files = fileViews(rv.Files, nil)
	status := http.StatusOK
	if p.Form.HasErrors() {
		status = http.StatusUnprocessableEntity
	}
	p.Data = v
	s.Render(w, r, status, "anonymous_status", p)
}
