package opvolging

import (
	"mime"
	"net/http"
	"strconv"

	"weerbaar/internal/auth"
)

// coordAttachment sends one evidence file of an incident to someone who
// may read the incident (the service audits the download). Always as a
// download, never shown inline: the file comes from outside.
func (s *Server) coordAttachment(w http.ResponseWriter, r *http.Request) {
	id, ok := coordIncidentID(r)
	fileID, err := strconv.ParseInt(r.PathValue("file"), 10, 64)
	if !ok || err != nil || s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	a, err := s.incidents.Download(r.Context(), auth.FromContext(r.Context()), id, fileID)
	if err != nil {
		s.coordFail(w, r, err, true)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Filename}))
	h.Set("Content-Length", strconv.Itoa(len(a.Data)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.Write(a.Data)
}
