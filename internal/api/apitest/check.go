package apitest

import (
	"encoding/json"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"testing"

	"weerbaar/internal/api"
)

// CheckCapability builds the API with caps and fails t when a route is not
// documented, a documented operation reaches no route or another one, or
// the merged document breaks a rule of the ruleset.
func CheckCapability(t *testing.T, caps ...api.Capability) {
	t.Helper()
	s, err := api.New(api.Deps{Capabilities: caps})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(s.Document(), &doc); err != nil {
		t.Fatalf("document: %v", err)
	}
	documented := map[string]bool{}
	param := regexp.MustCompile(`\{[^}]+\}`)
	for path, item := range doc.Paths {
		for method := range item {
			m := strings.ToUpper(method)
			switch m {
			case "GET", "PUT", "POST", "DELETE", "PATCH":
			default:
				continue
			}
			want := m + " " + api.Prefix + path
			documented[want] = true
			req := httptest.NewRequest(m, api.Prefix+param.ReplaceAllString(path, "12"), nil)
			if got := s.Match(req); got != want {
				t.Errorf("%s %s reaches %q", m, path, got)
			}
		}
	}
	served := map[string]bool{}
	for _, p := range s.Patterns() {
		served[p] = true
		if !documented[p] {
			t.Errorf("route %s is not in the OpenAPI document", p)
		}
	}
	var extra []string
	for p := range documented {
		if !served[p] {
			extra = append(extra, p)
		}
	}
	sort.Strings(extra)
	for _, p := range extra {
		t.Errorf("the document describes %s, which no route serves", p)
	}
	findings, failed := Lint(t, WriteDoc(t, t.TempDir(), "openapi", json.RawMessage(s.Document())))
	for _, f := range findings {
		t.Errorf("%s: %s at %v", f.Code, f.Message, f.Path)
	}
	if failed && len(findings) == 0 {
		t.Error("spectral failed")
	}
}
