package api_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"weerbaar/internal/api"
	"weerbaar/internal/api/apitest"
)

var errProbeGone = errors.New("proef bestaat niet meer")

// probe is a capability as a package of its own would write it: one
// public route, its document part, one domain error of its own.
type probe struct{ doc string }

func (p probe) Routes(k *api.Kit) []api.Route {
	return []api.Route{{Method: "GET", Path: "/proeven/{id}", Public: true,
		Handle: func(w http.ResponseWriter, r *http.Request) error {
			id, err := k.PathID(r, "id")
			if err != nil {
				return err
			}
			switch id {
			case 1:
				k.WriteJSON(w, r, http.StatusOK, map[string]any{"id": id})
				return nil
			case 2:
				return errProbeGone
			}
			return errors.New("disk on fire")
		}}}
}

func (p probe) Document() []byte { return []byte(p.doc) }

func (probe) Classify(err error) (int, string, bool) {
	if errors.Is(err, errProbeGone) {
		return http.StatusNotFound, "api.detail.not_found", true
	}
	return 0, "", false
}

const probeDoc = `{"paths": {"/proeven/{id}": {"get": {
  "operationId": "getProef", "summary": "Eén proef", "description": "Een proef van de uitbreiding.",
  "tags": ["Proeven"], "security": [],
  "parameters": [{"name": "id", "in": "path", "required": true, "description": "Nummer van de proef.", "schema": {"type": "integer", "minimum": 1}}],
  "responses": {
    "200": {"description": "De proef.", "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Proef"}}}},
    "400": {"$ref": "#/components/responses/BadRequest"},
    "404": {"$ref": "#/components/responses/NotFound"}}}}},
 "components": {"schemas": {"Proef": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer", "description": "Nummer."}}}}},
 "tags": [{"name": "Proeven", "description": "Een proef van de uitbreiding."}]}`

// A capability's route answers through the core: success as JSON with the
// API-Version header, its own domain error by its Classify, anything else
// a 500 that says nothing.
func TestACapabilityAnswersThroughTheCore(t *testing.T) {
	s, err := api.New(api.Deps{Capabilities: []api.Capability{probe{probeDoc}}})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]int{"/proeven/1": 200, "/proeven/2": 404, "/proeven/3": 500, "/proeven/x": 400} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", api.Prefix+path, nil))
		body, _ := io.ReadAll(rec.Body)
		if rec.Code != want || rec.Header().Get("API-Version") != api.Version {
			t.Errorf("GET %s: %d %q, want %d with API-Version", path, rec.Code, body, want)
		}
		if want == 500 && strings.Contains(string(body), "fire") {
			t.Errorf("GET %s shows the internal error: %s", path, body)
		}
	}
	var doc struct{ Paths map[string]any }
	json.Unmarshal(s.Document(), &doc)
	if doc.Paths["/proeven/{id}"] == nil || doc.Paths["/mij"] == nil {
		t.Errorf("the served document lacks the core's or the capability's paths")
	}
}

// One capability can never replace another's path, schema or route.
func TestACapabilityCannotRedefineWhatExists(t *testing.T) {
	for name, c := range map[string]api.Capability{
		"path of the core":   probe{`{"paths": {"/mij": {}}}`},
		"schema of the core": probe{`{"components": {"schemas": {"Mij": {}}}}`},
		"broken document":    probe{`{"paths": `},
	} {
		if _, err := api.New(api.Deps{Capabilities: []api.Capability{c}}); err == nil {
			t.Errorf("%s: New accepted it", name)
		}
	}
	if _, err := api.New(api.Deps{Capabilities: []api.Capability{probe{probeDoc}, probe{`{}`}}}); err == nil {
		t.Error("the same route twice: New accepted it")
	}
}

func TestTheProbeCapabilityIsDocumentedAndLinted(t *testing.T) {
	apitest.CheckCapability(t, probe{probeDoc})
}
