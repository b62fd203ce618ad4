package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"weerbaar/internal/valid"
)

// This file is the one place that decides how a result or an error reaches
// the client: which status, which body, what is logged. Handlers return an
// error and never write one themselves. Every text comes from the message
// catalogue (internal/i18n/*/api.json and valid.json), in Dutch unless the
// client asks for English with Accept-Language.

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
// token, unknown path) with the status it must get. detail and each
// param's reason are catalogue keys.
type httpError struct {
	status int
	detail string
	args   []any
	params []paramProblem
}

// paramProblem is one invalid field, query key, path or header parameter.
type paramProblem struct {
	name, reason string
	args         []any
}

func (e *httpError) Error() string { return fmt.Sprintf("%d %s %v", e.status, e.detail, e.params) }

func apiError(status int, detail string, args ...any) *httpError {
	return &httpError{status: status, detail: detail, args: args}
}

// badRequest is a 400 with the parameters that are wrong.
func badRequest(detail string, params ...paramProblem) *httpError {
	return &httpError{status: http.StatusBadRequest, detail: detail, params: params}
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
	lang := language(r)
	var he *httpError
	if !errors.As(err, &he) {
		he = s.domainError(r, err)
	}
	p := problemDoc{Status: he.status, Detail: s.deps.Messages.T(lang, he.detail, he.args...)}
	for _, pp := range he.params {
		p.InvalidParams = append(p.InvalidParams, invalidParam{Name: pp.name, Reason: s.deps.Messages.T(lang, pp.reason, pp.args...)})
	}
	switch he.status {
	case http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="weerbaar"`)
	case http.StatusTooManyRequests:
		w.Header().Set("Retry-After", retryAfter)
	}
	s.writeProblem(w, r, p)
}

// domainError maps an error from a service: field problems to 400 with
// the catalogue's "valid.<code>" reasons, known sentinels by classify, the
// rest to a logged 500.
func (s *Server) domainError(r *http.Request, err error) *httpError {
	if ve, ok := valid.As(err); ok {
		he := badRequest("api.detail.invalid_fields")
		for _, p := range ve.Problems {
			he.params = append(he.params, paramProblem{name: p.Field, reason: "valid." + p.Code, args: p.Args})
		}
		return he
	}
	if he := classify(err); he != nil {
		return he
	}
	for _, c := range s.deps.Capabilities {
		if status, detail, ok := c.Classify(err); ok {
			return apiError(status, detail)
		}
	}
	s.deps.Log.Error("api: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	return apiError(http.StatusInternalServerError, "api.detail.internal")
}

// problem sends a problem without invalid fields; detail is a catalogue key.
func (s *Server) problem(w http.ResponseWriter, r *http.Request, status int, detail string, args ...any) {
	s.writeError(w, r, apiError(status, detail, args...))
}

// maxDrain bounds how much of an unread request body is read away before
// an error is answered. Without it the server closes the connection with
// the body half sent, and the client, still writing, sees a reset instead
// of the answer. Larger bodies still get the connection closed.
const maxDrain = 4 << 20

// drainBody reads away what is left of r's body (at most maxDrain).
func drainBody(w http.ResponseWriter, r *http.Request) {
	if r.Body == nil || r.Body == http.NoBody {
		return
	}
	io.Copy(io.Discard, http.MaxBytesReader(w, r.Body, maxDrain))
}

func (s *Server) writeProblem(w http.ResponseWriter, r *http.Request, p problemDoc) {
	drainBody(w, r)
	p.Type = "about:blank"
	p.Title = s.deps.Messages.T(language(r), "api.status."+strconv.Itoa(p.Status))
	p.Instance = r.URL.Path
	b, _ := json.Marshal(p) // only strings and ints: cannot fail
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Del("Content-Length")
	w.WriteHeader(p.Status)
	w.Write(append(b, '\n'))
}
