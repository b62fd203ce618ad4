package api

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"weerbaar/internal/i18n"
)

// dynamicKeys are the keys the code builds from a prefix: a title per
// status the API answers with, a reason per JSON type.
func dynamicKeys() []string {
	var keys []string
	for _, st := range []int{400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500} {
		keys = append(keys, "api.status."+strconv.Itoa(st))
	}
	for _, typ := range []string{"string", "boolean", "number", "array", "object"} {
		keys = append(keys, "api.reason.type."+typ)
	}
	return keys
}

// TestEveryAPIKeyIsInTheCatalogue reads every string literal of this
// package that looks like an "api." key and checks both languages have it,
// and that the catalogue holds no api. key nothing uses.
func TestEveryAPIKeyIsInTheCatalogue(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, k := range dynamicKeys() {
		used[k] = true
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, _ := strconv.Unquote(lit.Value); strings.HasPrefix(s, "api.") && !strings.HasSuffix(s, ".") {
					used[s] = true
				}
			}
			return true
		})
	}
	if len(used) < 40 {
		t.Fatalf("found only %d keys; is the scan broken?", len(used))
	}
	for _, lang := range i18n.Langs() {
		for k := range used {
			if !cat.Has(lang, k) {
				t.Errorf("%s: key %s is used but not in the catalogue", lang, k)
			}
		}
		for _, k := range cat.Keys(lang) {
			if strings.HasPrefix(k, "api.") && !used[k] {
				t.Errorf("%s: key %s is in the catalogue but unused", lang, k)
			}
		}
	}
}

func TestProblemsSpeakTheClientsLanguage(t *testing.T) {
	srv := newTestServer(t, Deps{})
	cat, _ := i18n.Load()
	for lang, header := range map[string]string{"nl": "", "en": "en-US,en;q=0.9"} {
		res := srv.get(t, "/api/v1/mij", "", "Accept-Language", header)
		p := res.problem(t)
		if p.Title != cat.T(lang, "api.status.401") || p.Detail != cat.T(lang, "api.detail.no_token") {
			t.Errorf("%s: %q / %q", lang, p.Title, p.Detail)
		}
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s: status %d", lang, res.StatusCode)
		}
	}
}
