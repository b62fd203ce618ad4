package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"weerbaar/internal/valid"
)

// This file is the one place that decides how a result or an error reaches
// the client: which status, which body, what is logged. Handlers return an
// error and never write one themselves.

// problemDoc is an RFC 9457 problem details object.
type problemDoc struct {
	Type          string         `json:"type"`
	Title         string         `json:"title"`
	Status        int            `json:"status"`
	Detail        string         `json:"detail"`
	Instance      string         `json:"instance"`
	InvalidParams []invalidParam `json:"invalidParams,omitempty"`
}

// invalidParam names one field of the request and what is wrong with it
// (NL API Design Rules /core/error-handling/invalid-input).
type invalidParam struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// httpError is an error the API layer itself finds (bad JSON, missing
// token, unknown path) with the status it must get.
type httpError struct {
	status int
	title  string
	detail string
	params []invalidParam
}

func (e *httpError) Error() string { return e.title + ": " + e.detail }

// badRequest is a 400 with the fields that are wrong.
func badRequest(detail string, params ...invalidParam) *httpError {
	return &httpError{status: http.StatusBadRequest, title: "Ongeldige invoer", detail: detail, params: params}
}

// writeJSON sends v as the body of a successful response.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// writeError turns err into a problem response. Only errors that say what
// the client did wrong are shown; everything else is logged and answered
// with a 500 that gives nothing away.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	switch {
	case errors.As(err, &he):
		switch he.status {
		case http.StatusUnauthorized:
			w.Header().Set("WWW-Authenticate", `Bearer realm="weerbaar"`)
		case http.StatusTooManyRequests:
			w.Header().Set("Retry-After", retryAfter)
		}
		s.writeProblem(w, r, problemDoc{Title: he.title, Status: he.status, Detail: he.detail, InvalidParams: he.params})
	case isInvalid(err):
		ve, _ := valid.As(err)
		s.writeProblem(w, r, problemDoc{Title: "Ongeldige invoer", Status: http.StatusBadRequest,
			Detail: "Een of meer velden zijn niet goed ingevuld.", InvalidParams: s.reasons(r, ve)})
	default:
		if st, title, detail, ok := classify(err); ok {
			s.writeProblem(w, r, problemDoc{Title: title, Status: st, Detail: detail})
			return
		}
		s.deps.Log.Error("api: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		s.problem(w, r, http.StatusInternalServerError, "Interne fout",
			"Er ging iets mis aan onze kant. Probeer het later opnieuw.")
	}
}

func isInvalid(err error) bool {
	_, ok := valid.As(err)
	return ok
}

// problem sends a problem without invalid fields.
func (s *Server) problem(w http.ResponseWriter, r *http.Request, status int, title, detail string) {
	s.writeProblem(w, r, problemDoc{Title: title, Status: status, Detail: detail})
}

func (s *Server) writeProblem(w http.ResponseWriter, r *http.Request, p problemDoc) {
	if p.Type == "" {
		p.Type = "about:blank"
	}
	p.Instance = r.URL.Path
	b, _ := json.Marshal(p) // only strings and ints: cannot fail
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Del("Content-Length")
	w.WriteHeader(p.Status)
	w.Write(append(b, '\n'))
}
