package api_test

import (
	"path/filepath"
	"strings"
	"testing"

	"weerbaar/internal/api/apitest"
)

// obj walks doc along keys, each step a JSON object.
func obj(doc map[string]any, keys ...string) map[string]any {
	m := doc
	for _, k := range keys {
		m = m[k].(map[string]any)
	}
	return m
}

// TestRulesetCatchesEachDesignRuleViolation breaks the served document in
// one way per rule and checks that exactly that rule fires, so every rule
// in .spectral.yaml is known to work. All copies go through one Spectral
// run (it starts slowly).
func TestRulesetCatchesEachDesignRuleViolation(t *testing.T) {
	t.Parallel()
	ok200 := func(d map[string]any) map[string]any { return obj(d, "paths", "/mij", "get", "responses", "200") }
	mijProps := func(d map[string]any) map[string]any { return obj(d, "components", "schemas", "Mij", "properties") }
	cases := []struct {
		rule   string
		break_ func(d map[string]any)
	}{
		{"nlgov:openapi3", func(d map[string]any) { d["openapi"] = "2.0" }},
		{"nlgov:semver", func(d map[string]any) { obj(d, "info")["version"] = "1.0" }},
		{"nlgov:info-contact-fields-exist", func(d map[string]any) { delete(obj(d, "info", "contact"), "email") }},
		{"nlgov:include-major-version-in-uri", func(d map[string]any) {
			d["servers"].([]any)[0].(map[string]any)["url"] = "/api"
		}},
		{"nlgov:servers-use-https", func(d map[string]any) {
			d["servers"].([]any)[0].(map[string]any)["url"] = "http://weerbaar.example.nl/api/v1"
		}},
		{"nlgov:paths-no-trailing-slash", func(d map[string]any) {
			p := obj(d, "paths")
			p["/mij/"] = p["/mij"]
			delete(p, "/mij")
		}},
		{"nlgov:paths-kebab-case", func(d map[string]any) {
			p := obj(d, "paths")
			p["/apiTokens"] = p["/mij"]
			delete(p, "/mij")
		}},
		{"nlgov:http-methods", func(d map[string]any) { obj(d, "paths", "/mij")["fetch"] = map[string]any{} }},
		{"nlgov:missing-version-header", func(d map[string]any) { delete(obj(ok200(d), "headers"), "API-Version") }},
		{"nlgov:missing-header", func(d map[string]any) { delete(ok200(d), "headers") }},
		{"weerbaar:error-version-header", func(d map[string]any) {
			delete(obj(d, "components", "responses", "Unauthorized", "headers"), "API-Version")
		}},
		{"nlgov:use-problem-schema", func(d map[string]any) {
			obj(d, "components", "responses", "Unauthorized")["content"] = map[string]any{
				"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}
		}},
		{"nlgov:problem-schema-members", func(d map[string]any) {
			delete(obj(d, "components", "schemas", "Problem", "properties"), "detail")
		}},
		{"weerbaar:problem-invalid-params", func(d map[string]any) {
			delete(obj(d, "components", "schemas", "Problem", "properties"), "invalidParams")
		}},
		{"nlgov:query-keys-camel-case", func(d map[string]any) {
			obj(d, "paths", "/mij", "get")["parameters"] = []any{map[string]any{
				"name": "page_size", "in": "query", "schema": map[string]any{"type": "integer"}}}
			obj(d, "paths", "/mij", "get", "responses")["400"] = map[string]any{
				"$ref": "#/components/responses/BadRequest"}
		}},
		{"nlgov:problem-invalid-input", func(d map[string]any) {
			delete(obj(d, "paths", "/api-tokens", "post", "responses"), "400")
		}},
		{"nlgov:date-time-ensure-timezone", func(d map[string]any) {
			mijProps(d)["gemeldOp"] = map[string]any{"type": "string", "format": "date-time-local"}
		}},
		{"nlgov:time-without-timezone", func(d map[string]any) {
			mijProps(d)["tijdstip"] = map[string]any{"type": "string", "format": "time"}
		}},
		{"nlgov:specify-format-for-date-and-time", func(d map[string]any) {
			mijProps(d)["geboorteDatum"] = map[string]any{"type": "string"}
		}},
		{"nlgov:use-date-instead-of-datetime", func(d map[string]any) {
			mijProps(d)["geboorteDatum"] = map[string]any{"type": "string", "format": "date-time"}
		}},
		{"nlgov:property-casing", func(d map[string]any) {
			mijProps(d)["account_naam"] = map[string]any{"type": "string"}
		}},
		{"nlgov:schema-camel-case", func(d map[string]any) {
			s := obj(d, "components", "schemas")
			s["mij"] = s["Mij"]
			delete(s, "Mij")
			obj(ok200(d), "content", "application/json", "schema")["$ref"] = "#/components/schemas/mij"
		}},
		{"weerbaar:json-only", func(d map[string]any) {
			c := obj(d, "paths", "/api-tokens", "post", "requestBody", "content")
			c["application/xml"] = c["application/json"]
			delete(c, "application/json")
		}},
	}
	dir := t.TempDir()
	var files []string
	for _, c := range cases {
		doc := servedDocument(t)
		c.break_(doc)
		files = append(files, apitest.WriteDoc(t, dir, strings.ReplaceAll(c.rule, ":", "_"), doc))
	}
	findings, failed := apitest.Lint(t, files...)
	if !failed {
		t.Fatal("spectral passed every broken document")
	}
	bySource := map[string]map[string]bool{}
	for _, f := range findings {
		name := strings.TrimSuffix(filepath.Base(f.Source), ".json")
		if bySource[name] == nil {
			bySource[name] = map[string]bool{}
		}
		bySource[name][f.Code] = true
	}
	for _, c := range cases {
		got := bySource[strings.ReplaceAll(c.rule, ":", "_")]
		if !got[c.rule] {
			t.Errorf("breaking %s: the rule did not fire (got %v)", c.rule, keys(got))
		}
	}
}
