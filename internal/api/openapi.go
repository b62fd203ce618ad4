package api

import (
	_ "embed"
	"net/http"
)

// openAPIDoc describes every route of routes.go (the capabilities add
// their parts at New); TestEveryRouteIsDocumented
// keeps the two equal, and TestOpenAPIDocumentPassesSpectral lints it.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves the document without login and to any origin (NL API
// Design Rules /core/publish-openapi and /core/transport/cors), so
// developer portals and browsers can read it.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("Content-Type", "application/json")
	_, err := w.Write(s.doc)
	return err
}
