package api

import (
	"encoding/json"
	"errors"
	"fmt"
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
		return &httpError{status: http.StatusUnsupportedMediaType, title: "Verkeerd formaat",
			detail: "Stuur de gegevens als JSON met Content-Type: application/json."}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badRequest("De body bevat meer dan één JSON-waarde.")
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
		return &httpError{status: http.StatusRequestEntityTooLarge, title: "Te groot",
			detail: fmt.Sprintf("De body is groter dan %d kB.", maxBody>>10)}
	case errors.Is(err, io.EOF):
		return badRequest("De body is leeg; stuur een JSON-object.")
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("De body is geen geldige JSON.")
	case errors.As(err, &typ):
		// Field is a dotted path that includes embedded Go structs; the
		// JSON properties are all top-level, so its last part is the name.
		name := typ.Field[strings.LastIndex(typ.Field, ".")+1:]
		if name == "" {
			return badRequest("De body moet een JSON-object zijn.")
		}
		return badRequest("Een veld heeft het verkeerde type.",
			invalidParam{Name: name, Reason: "Dit veld moet van het type " + jsonType(typ.Type.Kind().String()) + " zijn."})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return badRequest("De body bevat een veld dat deze API niet kent.",
			invalidParam{Name: name, Reason: "Dit veld bestaat niet."})
	default:
		return badRequest("De body kon niet worden gelezen.")
	}
}

// jsonType names a Go kind as the JSON type a client would send.
func jsonType(kind string) string {
	switch {
	case kind == "string":
		return "tekst (string)"
	case kind == "bool":
		return "waar/onwaar (boolean)"
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"), strings.HasPrefix(kind, "float"):
		return "getal (number)"
	case kind == "slice", kind == "array":
		return "lijst (array)"
	default:
		return "object"
	}
}
