package web_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"weerbaar/internal/web/cssbundle"
)

func listedComponents(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("static", "components.txt"))
	if err != nil {
		t.Fatal(err)
	}
	names, err := cssbundle.ReadList(data)
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// A page may only use Utrecht components whose CSS `make assets` bundles.
func TestTemplatesUseOnlyListedComponents(t *testing.T) {
	listed := listedComponents(t)
	var files []string
	for _, p := range []string{"templates/*.html", "templates/*/*.html", "*.go", "*/templates/*/*.html", "*/*.go"} {
		m, _ := filepath.Glob(p)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("found only %d templates and Go files; run from internal/web", len(files))
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "cssbundle/") {
			continue
		}
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cssbundle.MarkupBlocks(body) {
			if !slices.Contains(listed, c) {
				t.Errorf("%s uses utrecht-%s, but component %q is not in static/components.txt (add it and run make assets)", f, c, c)
			}
		}
	}
}

func TestMarkupBlocksNamesComponentOfPartsAndVariants(t *testing.T) {
	src := []byte(`<div class="utrecht-form-field__input utrecht-textbox--invalid x-utrecht-no">` +
		`<input class="utrecht-{{if .R}}radio-button{{else}}checkbox{{end}}--html-input"> --utrecht-link-color: red`)
	got := cssbundle.MarkupBlocks(src)
	want := []string{"checkbox", "form-field", "radio-button", "textbox"}
	if !slices.Equal(got, want) {
		t.Errorf("MarkupBlocks = %v, want %v", got, want)
	}
}

// The bundle `make assets` builds holds every listed component, and the
// trimmed theme every token the bundle and our own CSS reach.
func TestBundleHoldsEveryListedComponent(t *testing.T) {
	nm := filepath.Join("..", "..", "node_modules")
	if _, err := os.Stat(filepath.Join(nm, cssbundle.LibraryPath)); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI without node_modules (npm ci): %v", err)
		}
		t.Skip("no node_modules with the NL Design System CSS; run make assets")
	}
	in, err := cssbundle.ReadInput(nm, ".")
	if err != nil {
		t.Fatal(err)
	}
	b, err := cssbundle.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range listedComponents(t) {
		styled := regexp.MustCompile(`\.utrecht-` + regexp.QuoteMeta(name) + `(?:--|__|[^a-z0-9-])`)
		if !styled.Match(b.Utrecht) {
			t.Errorf("bundle has no rule for listed component %q", name)
		}
	}
	if !b.ThemeTrimmed {
		t.Log("theme copied whole: its shape was not understood")
	}
	full, err := os.ReadFile(filepath.Join(nm, cssbundle.ThemePath))
	if err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile(`var\(\s*(--[A-Za-z0-9_-]+)`)
	users := slices.Concat(append(in.Users, b.Utrecht)...)
	declared := func(css []byte) map[string]bool {
		names := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?m)^\s*(--[A-Za-z0-9_-]+)\s*:`).FindAllSubmatch(css, -1) {
			names[string(m[1])] = true
		}
		return names
	}
	inFull, inTrimmed := declared(full), declared(b.Theme)
	for _, m := range refs.FindAllSubmatch(users, -1) {
		if name := string(m[1]); inFull[name] && !inTrimmed[name] {
			t.Errorf("trimmed theme lacks %s, which the bundle or our CSS uses", name)
		}
	}
}
