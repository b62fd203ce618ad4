package api

import (
	"encoding/json"
	"fmt"
	"sort"
)

// mergeDocuments adds each capability's part to the core document:
// paths, components and tags. A path, component or tag defined twice is
// an error, so one capability can never silently replace another's.
func mergeDocuments(core []byte, parts ...[]byte) ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(core, &doc); err != nil {
		return nil, fmt.Errorf("api: openapi.json: %w", err)
	}
	for i, part := range parts {
		var p struct {
			Paths      map[string]any            `json:"paths"`
			Components map[string]map[string]any `json:"components"`
			Tags       []map[string]any          `json:"tags"`
		}
		if err := json.Unmarshal(part, &p); err != nil {
			return nil, fmt.Errorf("api: document of capability %d: %w", i, err)
		}
		if err := addAll(object(doc, "paths"), p.Paths, "path"); err != nil {
			return nil, err
		}
		comps := object(doc, "components")
		for _, kind := range sortedNames(p.Components) {
			if err := addAll(object(comps, kind), p.Components[kind], kind); err != nil {
				return nil, err
			}
		}
		tags, _ := doc["tags"].([]any)
		seen := map[any]bool{}
		for _, t := range tags {
			if m, ok := t.(map[string]any); ok {
				seen[m["name"]] = true
			}
		}
		for _, t := range p.Tags {
			if seen[t["name"]] {
				return nil, fmt.Errorf("api: tag %v defined twice", t["name"])
			}
			seen[t["name"]] = true
			tags = append(tags, t)
		}
		if len(tags) > 0 {
			doc["tags"] = tags
		}
	}
	return json.MarshalIndent(doc, "", "  ")
}

// object is m[key] as an object, made when missing.
func object(m map[string]any, key string) map[string]any {
	o, ok := m[key].(map[string]any)
	if !ok {
		o = map[string]any{}
		m[key] = o
	}
	return o
}

func addAll(dst, src map[string]any, what string) error {
	for _, k := range sortedNames(src) {
		if _, dup := dst[k]; dup {
			return fmt.Errorf("api: %s %q defined twice in the OpenAPI document", what, k)
		}
		dst[k] = src[k]
	}
	return nil
}

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
