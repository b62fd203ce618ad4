package meldingen

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"weerbaar/internal/httpx"
	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// anonView is the anonymous report form and its confirmation.
type anonView struct {
	Groups   []orgGroup
	Places   []web.Option
	Roles    []web.Option
	Doers    []web.Option
	Kinds    []kindChoice
	MaxFiles int
	MaxMB    int
	Limited  bool // rate limited: say so above the form

	Code        string // shown once on the confirmation
	FilesAdded  int
	FileProblem []string
}

func (s *Server) anonFormView(r *http.Request, p *web.Page) (*anonView, error) {
	groups, err := s.orgGroups(r.Context(), p.Form.Get("orgId"))
	if err != nil {
		return nil, err
	}
	return &anonView{Groups: groups,
		Places:   web.LabelOptions(p, "incident.place.", incident.PlaceKinds),
		Roles:    append([]web.Option{{Value: "", Label: p.T("report.choose_role")}}, web.LabelOptions(p, "incident.role.", incident.VictimRoles)...),
		Doers:    web.LabelOptions(p, "incident.perpetrator.", incident.PerpetratorKinds),
		Kinds:    s.kindChoices(p),
		MaxFiles: incident.MaxAttachments, MaxMB: incident.MaxAttachmentSize >> 20}, nil
}

func (s *Server) renderAnonForm(w http.ResponseWriter, r *http.Request, p *web.Page, status int, limited bool) {
	v, err := s.anonFormView(r, p)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	v.Limited = limited
	p.Data = v
	httpx.Untraceable(w)
	s.Render(w, r, status, "anonymous_report", p)
}

// anonymousForm is the short report form for people without an account.
func (s *Server) anonymousForm(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "anon.title")
	p.Form = web.NewForm(r)
	s.renderAnonForm(w, r, p, http.StatusOK, false)
}

// anonymousSubmit reports, then adds the files one by one with the new
// receipt code, and shows the code once.
func (s *Server) anonymousSubmit(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "anon.title")
	files, tooBig, err := readUploads(w, r, "attachments")
	p.Form = web.FormOf(r.PostForm)
	if p.Form.Values == nil || err != nil || tooBig {
		// Nothing of the form could be read: say why, with the status
		// that fits (a form sent another way is not "too large").
		p.Form.Values = map[string][]string{}
		status, msg := http.StatusRequestEntityTooLarge, p.T("report.files.too_big_request", maxUploadRequest>>20)
		switch {
		case errors.Is(err, http.ErrNotMultipart):
			status, msg = http.StatusUnsupportedMediaType, p.T("anon.error.not_multipart")
		case err != nil:
			status, msg = http.StatusBadRequest, p.T("anon.error.unreadable")
		}
		p.Form.AddError("", msg)
		s.renderAnonForm(w, r, p, status, false)
		return
	}
	in := &incident.Incident{}
	if !applyStep(in, 2, p.Form.Values) {
		p.Form.AddError("occurredAt", p.T("report.error.date_format"))
	}
	for _, step := range []int{3, 5, 6} {
		applyStep(in, step, p.Form.Values)
	}
	in.VictimRole = incident.VictimRole(strings.TrimSpace(p.Form.Get("victimRole")))
	in.OrgID, _ = strconv.ParseInt(p.Form.Get("orgId"), 10, 64)
	if p.Form.HasErrors() {
		s.renderAnonForm(w, r, p, http.StatusUnprocessableEntity, false)
		return
	}
	code, err := s.anon.Report(r.Context(), httpx.ClientHost(r), in)
	if s.AddProblems(r, p.Form, err) {
		s.renderAnonForm(w, r, p, http.StatusUnprocessableEntity, false)
		return
	}
	if errors.Is(err, incident.ErrRateLimited) {
		s.renderAnonForm(w, r, p, http.StatusTooManyRequests, true)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	v := &anonView{Code: code.String()}
	s.anonAttach(r, p, v, string(code), files)
	p.TitleKey, p.Form, p.Data = "anon.done.title", nil, v
	httpx.Untraceable(w)
	s.Render(w, r, http.StatusOK, "anonymous_done", p)
}

// anonAttach adds the report's files one by one; a refused file is named
// on the confirmation so the reporter can add it again later.
func (s *Server) anonAttach(r *http.Request, p *web.Page, v *anonView, code string, files []incident.Upload) {
	f := web.FormOf(map[string][]string{})
	n, err := s.attachEach(r, f, files, func(u []incident.Upload) ([]incident.AttachmentInfo, error) {
		return s.anon.Attach(r.Context(), httpx.ClientHost(r), code, u)
	})
	v.FilesAdded = n
	for _, e := range f.Summary() {
		v.FileProblem = append(v.FileProblem, e.Message)
	}
	if err != nil {
		v.FileProblem = append(v.FileProblem, p.T("error.server.text"))
	}
}
