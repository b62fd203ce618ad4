package api

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
)

// maxBody is the largest request body the API reads. Incident texts are
// long, attachments do not travel through the JSON API.
const maxBody = 256 << 10

// decodeJSON reads r's body as JSON into dst. It accepts only
// application/json, at most maxBody bytes, exactly one JSON value, and no
// fields dst does not know: a typo in a field name is refused, not
// silently dropped.
func decodeJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return apiError(http.StatusUnsupportedMediaType, "api.detail.media_type")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badRequest("api.detail.two_values")
	}
	return nil
}

// decodeError says in Dutch what was wrong with the JSON.
func decodeError(err error) error {
	var tooBig *http.MaxBytesError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooBig):
		return apiError(http.StatusRequestEntityTooLarge, "api.detail.too_large", maxBody>>10)
	case errors.Is(err, io.EOF):
		return badRequest("api.detail.empty_body")
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("api.detail.bad_json")
	case errors.As(err, &typ):
		// Field is a dotted path that includes embedded Go structs; the
		// JSON properties are all top-level, so its last part is the name.
		name := typ.Field[strings.LastIndex(typ.Field, ".")+1:]
		if name == "" {
			return badRequest("api.detail.not_object")
		}
		return badRequest("api.detail.wrong_type",
			paramProblem{name: name, reason: "api.reason.type." + jsonType(typ.Type.Kind().String())})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return badRequest("api.detail.unknown_field", paramProblem{name: name, reason: "api.reason.unknown_field"})
	default:
		return badRequest("api.detail.unreadable")
	}
}

// jsonType names a Go kind as the JSON type a client would send.
func jsonType(kind string) string {
	switch {
	case kind == "string":
		return "string"
	case kind == "bool":
		return "boolean"
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"), strings.HasPrefix(kind, "float"):
		return "number"
	case kind == "slice", kind == "array":
		return "array"
	default:
		return "object"
	}
}
