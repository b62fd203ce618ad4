package api

import (
	"net/http"
)

// Route is one endpoint a Capability adds, below Prefix in net/http
// pattern syntax ("/ondersteuningsvragen/{id}"). Handle writes a success
// itself (Kit.WriteJSON) and returns any error for the API to answer.
type Route struct {
	Method string
	Path   string
	Public bool // served without a token
	Handle func(w http.ResponseWriter, r *http.Request) error
}

// Capability is a part of the API in a package of its own
// (internal/api/<domain>), added with one line where the app builds the
// API (Deps.Capabilities). It never edits this package's files.
type Capability interface {
	// Routes are its endpoints; k holds what they answer with.
	Routes(k *Kit) []Route
	// Document is its part of the OpenAPI document: a JSON object with
	// "paths", and optionally "components" (schemas, parameters,
	// responses) and "tags". It may refer to this package's components
	// ("#/components/responses/NotFound", "#/components/headers/…").
	Document() []byte
	// Classify maps the capability's own domain errors to a status and
	// a detail (a catalogue key); ok is false for errors it does not know.
	Classify(err error) (status int, detailKey string, ok bool)
}

// Kit is what a capability's handlers share with the core API: the same
// body decoding, the same problem answers, the same language.
type Kit struct{ s *Server }

// WriteJSON sends v as the body of a successful response.
func (k *Kit) WriteJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	k.s.writeJSON(w, r, status, v)
}

// DecodeJSON reads the request body as exactly one JSON value into dst,
// refusing unknown fields, other media types and bodies over 256 KiB.
func (k *Kit) DecodeJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	return decodeJSON(w, r, dst)
}

// PathID reads the positive number {name} of the path; anything else
// answers 400 naming the parameter.
func (k *Kit) PathID(r *http.Request, name string) (int64, error) { return pathID(r, name) }

// Error is an answer with status and a catalogue key as its detail.
func (k *Kit) Error(status int, detailKey string, args ...any) error {
	return apiError(status, detailKey, args...)
}

// InvalidParam is a 400 naming one request parameter (a query key, a
// header) and its reason, both catalogue keys besides the name.
func (k *Kit) InvalidParam(name, reasonKey string, args ...any) error {
	return badRequest("api.detail.invalid_fields", paramProblem{name: name, reason: reasonKey, args: args})
}

// Language is the language the client asked for ("nl" or "en").
func (k *Kit) Language(r *http.Request) string { return language(r) }

// Deps are the core API's dependencies (logger, services).
func (k *Kit) Deps() Deps { return k.s.deps }
