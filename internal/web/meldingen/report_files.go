package meldingen

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"

	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// maxUploadRequest bounds one upload request: every file an incident may
// hold, plus room for the other fields. Parsed in memory only, so evidence
// never lands unencrypted in a temporary file.
const maxUploadRequest = incident.MaxAttachmentsTotal + 1<<20

// readUploads parses a multipart form of at most maxUploadRequest bytes
// and returns the files of field name. tooBig reports a request over the
// limit (then nothing else of the form could be read either).
func readUploads(w http.ResponseWriter, r *http.Request, name string) (files []incident.Upload, tooBig bool, err error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadRequest)
	if err := r.ParseMultipartForm(maxUploadRequest); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, true, nil
		}
		return nil, false, err
	}
	for _, fh := range r.MultipartForm.File[name] {
		u, err := readUpload(fh)
		if err != nil {
			return nil, false, err
		}
		files = append(files, u)
	}
	return files, false, nil
}

func readUpload(fh *multipart.FileHeader) (incident.Upload, error) {
	f, err := fh.Open()
	if err != nil {
		return incident.Upload{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	return incident.Upload{Filename: fh.Filename, Data: data}, err
}

// attachEach adds files one by one, so one wrong file does not stop the
// others: each problem becomes a Dutch message on field "attachments",
// and the files that passed are stored.
func (s *Server) attachEach(r *http.Request, f *web.Form, files []incident.Upload,
	attach func([]incident.Upload) ([]incident.AttachmentInfo, error)) (int, error) {
	added := 0
	for _, u := range files {
		if u.Filename == "" && len(u.Data) == 0 {
			continue // the empty file input of a browser that sent it anyway
		}
		_, err := attach([]incident.Upload{u})
		if s.AddProblems(r, f, err) {
			continue
		}
		if err != nil {
			return added, err
		}
		added++
	}
	return added, nil
}

// reportFilesSave handles step 7: add the chosen files, then go where the
// button says. Problems per file are shown on the step; the good files
// are kept.
func (s *Server) reportFilesSave(w http.ResponseWriter, r *http.Request, p *web.Page, inc *incident.Incident) {
	f := web.FormOf(incidentValues(inc))
	p.Form = f
	files, tooBig, err := readUploads(w, r, "attachments")
	switch {
	case tooBig:
		f.AddError("attachments", p.T("report.files.too_big_request", maxUploadRequest>>20))
		s.renderStep(w, r, http.StatusRequestEntityTooLarge, p, inc, 7)
		return
	case err != nil:
		s.ErrorPage(w, r, http.StatusBadRequest, "error.bad_request")
		return
	}
	action := r.PostFormValue("actie")
	added, err := s.attachEach(r, f, files, func(u []incident.Upload) ([]incident.AttachmentInfo, error) {
		return s.incidents.Attach(r.Context(), p.Principal, inc.ID, u)
	})
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	if f.HasErrors() {
		s.renderStep(w, r, http.StatusUnprocessableEntity, p, inc, 7)
		return
	}
	switch {
	case action == "concept":
		s.SetFlash(w, r, "ok", "flash.incident_draft_saved")
		web.Redirect(w, r, "/meldingen")
	case action == "vorige":
		web.Redirect(w, r, stepHref(inc.ID, 6))
	case action == "upload" || (added == 0 && len(files) > 0 && action == ""):
		if added > 0 {
			s.SetFlash(w, r, "ok", "flash.incident_files_added")
		}
		web.Redirect(w, r, stepHref(inc.ID, 7))
	default:
		web.Redirect(w, r, stepHref(inc.ID, 8))
	}
}
