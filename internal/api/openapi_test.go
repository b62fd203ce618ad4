package api

import (
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/incident"
)

type schemaDoc struct {
	Required   []string
	Properties map[string]json.RawMessage
	AllOf      []json.RawMessage
}

func openAPISchemas(t *testing.T) map[string]schemaDoc {
	t.Helper()
	var doc struct {
		Components struct{ Schemas map[string]schemaDoc }
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Components.Schemas
}

// jsonKeys returns the property names v has as JSON.
func jsonKeys(t *testing.T, v any) []string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return sortedNames(m)
}

// inputKeys returns the property names the decoder accepts for a struct
// type, following embedded structs the way encoding/json does.
func inputKeys(typ reflect.Type) []string {
	seen := map[string]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if f.Anonymous {
				walk(f.Type)
				continue
			}
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
				seen[name] = true
			}
		}
	}
	walk(typ)
	return sortedNames(seen)
}

// TestSchemasMatchWhatTheCodeSends keeps the Go shapes and the schemas in
// openapi.json equal, property for property: outputs send every property
// the schema lists (all are required, null when empty), inputs accept
// exactly the properties the schema lists.
func TestSchemasMatchWhatTheCodeSends(t *testing.T) {
	schemas := openAPISchemas(t)
	full := &incident.Incident{ID: 1, Kinds: []incident.Kind{incident.KindThreat}, CreatedAt: time.Now()}
	s := mustNew(t, Deps{})
	inc, _ := s.incidentDoc(httptest.NewRequest("GET", "/", nil), &orgNames{s: s, seen: map[int64]orgRefDoc{0: {}}}, full)
	outputs := map[string]any{
		"Melding":              inc,
		"MeldingSamenvatting":  summaryDoc{},
		"MeldingenPagina":      pageDoc{},
		"Opvolging":            followUpDoc{},
		"Aangifte":             aangifteDoc{},
		"Ketenstap":            chainStepDoc{},
		"Termijn":              deadlineDoc{},
		"Termijnen":            deadlinesDoc{},
		"Statuswijziging":      statusChangeDoc{},
		"ApiToken":             apiTokenDoc{},
		"Mij":                  meDoc{},
		"Organisatie":          orgRefDoc{},
		"Problem":              problemDoc{InvalidParams: []invalidParam{{}}},
		"InvalidParam":         invalidParam{},
		"Ontvangstcode":        receiptDoc{},
		"AnoniemeMeldingStand": anonymousStatusDoc{},
		"AnoniemBericht":       anonymousMessageDoc{},
		"AnoniemBestand":       anonymousFileDoc{},
	}
	for name, v := range outputs {
		sc, ok := schemas[name]
		if !ok {
			t.Errorf("schema %s missing", name)
			continue
		}
		if got, want := jsonKeys(t, v), sortedNames(sc.Properties); !reflect.DeepEqual(got, want) {
			t.Errorf("schema %s lists %v; the code sends %v", name, want, got)
		}
	}
	inputs := map[string]reflect.Type{
		"MeldingInvoer":         reflect.TypeFor[incidentInput](),
		"OpvolgingInvoer":       reflect.TypeFor[followUpInput](),
		"AnoniemeMeldingInvoer": reflect.TypeFor[anonymousInput](),
		"OntvangstcodeInvoer":   reflect.TypeFor[receiptInput](),
		"AnoniemBerichtInvoer":  reflect.TypeFor[anonMessageInput](),
	}
	for name, typ := range inputs {
		if got, want := inputKeys(typ), sortedNames(schemas[name].Properties); !reflect.DeepEqual(got, want) {
			t.Errorf("schema %s lists %v; the decoder accepts %v", name, want, got)
		}
	}
}
