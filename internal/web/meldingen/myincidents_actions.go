package meldingen

import (
	"fmt"
	"mime"
	"net/http"
	"strconv"

	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

func attachmentHref(incidentID, fileID int64) string {
	return fmt.Sprintf("/meldingen/%d/bijlagen/%d", incidentID, fileID)
}

// showAgain renders the incident page with the problems in p.Form (422),
// so what was typed stays.
func (s *Server) showAgain(w http.ResponseWriter, r *http.Request, p *web.Page, inc *incident.Incident) {
	v, err := s.showData(r, p, inc)
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	p.Data = v
	s.Render(w, r, http.StatusUnprocessableEntity, "incident_show", p)
}

// myIncidentMessage sends a message from the reporter to the handler.
func (s *Server) myIncidentMessage(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "mine.title")
	inc, ok := s.ownIncident(w, r, p)
	if !ok {
		return
	}
	p.Form = web.NewForm(r)
	_, err := s.incidents.SendMessage(r.Context(), p.Principal, inc.ID, p.Form.Get("body"))
	if s.AddProblems(r, p.Form, err) {
		s.showAgain(w, r, p, inc)
		return
	}
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	s.SetFlash(w, r, "ok", "flash.incident_message_sent")
	web.Redirect(w, r, reportHref(inc.ID)+"#berichten")
}

// myIncidentFiles adds evidence to a sent report; each wrong file gets
// its own message and the good ones are kept.
func (s *Server) myIncidentFiles(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "mine.title")
	id := incidentID(r, "id")
	files, tooBig, err := readUploads(w, r, "attachments")
	if err != nil {
		s.ErrorPage(w, r, http.StatusBadRequest, "error.bad_request")
		return
	}
	inc, ok := s.ownIncident(w, r, p)
	if !ok {
		return
	}
	p.Form = web.FormOf(map[string][]string{})
	if tooBig {
		p.Form.AddError("attachments", p.T("report.files.too_big_request", maxUploadRequest>>20))
		s.showAgain(w, r, p, inc)
		return
	}
	if len(files) == 0 {
		p.Form.AddError("attachments", p.T("report.files.none_chosen"))
		s.showAgain(w, r, p, inc)
		return
	}
	_, err = s.attachEach(r, p.Form, files, func(u []incident.Upload) ([]incident.AttachmentInfo, error) {
		return s.incidents.Attach(r.Context(), p.Principal, id, u)
	})
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	if p.Form.HasErrors() {
		s.showAgain(w, r, p, inc)
		return
	}
	s.SetFlash(w, r, "ok", "flash.incident_files_added")
	web.Redirect(w, r, reportHref(inc.ID)+"#bijlagen")
}

// myIncidentDownload sends one evidence file to whoever the service lets
// read the incident; every download is audited by the service.
func (s *Server) myIncidentDownload(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "mine.title")
	id, fileID := incidentID(r, "id"), incidentID(r, "file")
	if id == 0 || fileID == 0 {
		s.NotFound(w, r)
		return
	}
	a, err := s.incidents.Download(r.Context(), p.Principal, id, fileID)
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	sendFile(w, a.ContentType, a.Filename, a.Data)
}

// sendFile answers with a download that the browser saves rather than
// shows, so no uploaded file ever runs in Weerbaar's origin.
func sendFile(w http.ResponseWriter, contentType, name string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	w.Write(data)
}

// myIncidentSatisfaction records "satisfied?" after closing; "no" needs a
// reason and reopens the incident.
func (s *Server) myIncidentSatisfaction(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "mine.title")
	inc, ok := s.ownIncident(w, r, p)
	if !ok {
		return
	}
	p.Form = web.NewForm(r)
	answer, reason := p.Form.Get("satisfied"), p.Form.Get("reason")
	switch {
	case answer != "ja" && answer != "nee":
		p.Form.AddError("satisfied", p.T("valid.required"))
	case answer == "nee" && reason == "":
		p.Form.AddError("reason", p.T("mine.satisfaction.reason_needed"))
	}
	if p.Form.HasErrors() {
		s.showAgain(w, r, p, inc)
		return
	}
	err := s.incidents.AnswerSatisfaction(r.Context(), p.Principal, inc.ID, answer == "ja", reason)
	if s.AddProblems(r, p.Form, err) {
		s.showAgain(w, r, p, inc)
		return
	}
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	key := "flash.incident_satisfaction_thanks"
	if answer == "nee" {
		key = "flash.incident_reopened"
	}
	s.SetFlash(w, r, "ok", key)
	web.Redirect(w, r, reportHref(inc.ID))
}
