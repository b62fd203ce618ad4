package api_test

import (
	"encoding/json"
	"sort"
	"testing"

	"weerbaar/internal/api"
	"weerbaar/internal/api/apitest"
)

// servedDocument is the document the API serves, as JSON objects.
func servedDocument(t *testing.T) map[string]any {
	t.Helper()
	s, err := api.New(api.Deps{})
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(s.Document(), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return doc
}

// TestOpenAPIDocumentPassesSpectral: every core route documented, every
// documented path reaching its route, and the document through the
// ruleset, by the same check each capability's test calls.
func TestOpenAPIDocumentPassesSpectral(t *testing.T) {
	t.Parallel() // Spectral takes seconds to start
	apitest.CheckCapability(t)
}

// TestRulesetCatchesTrailingSlashAndMissingVersionHeader proves the lint is
// not a test that cannot fail: a copy with both faults is refused.
func TestRulesetCatchesTrailingSlashAndMissingVersionHeader(t *testing.T) {
	t.Parallel()
	doc := servedDocument(t)
	paths := doc["paths"].(map[string]any)
	paths["/mij/"] = paths["/mij"]
	delete(paths, "/mij")
	get := paths["/mij/"].(map[string]any)["get"].(map[string]any)
	ok := get["responses"].(map[string]any)["200"].(map[string]any)
	delete(ok["headers"].(map[string]any), "API-Version")

	findings, failed := apitest.Lint(t, apitest.WriteDoc(t, t.TempDir(), "broken", doc))
	if !failed {
		t.Fatal("spectral passed a document with a trailing slash and no API-Version header")
	}
	got := codes(findings)
	for _, want := range []string{"nlgov:paths-no-trailing-slash", "nlgov:missing-version-header"} {
		if !got[want] {
			t.Errorf("rule %s did not fire; got %v", want, keys(got))
		}
	}
}

func codes(fs []apitest.Finding) map[string]bool {
	m := map[string]bool{}
	for _, f := range fs {
		m[f.Code] = true
	}
	return m
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
