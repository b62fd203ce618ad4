package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func load(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEveryKeyExistsInEveryLanguage(t *testing.T) {
	c := load(t)
	for _, a := range Langs() {
		for _, b := range Langs() {
			for _, k := range c.Keys(a) {
				if !c.Has(b, k) {
					t.Errorf("key %q is in %s/ but missing from %s/", k, a, b)
				}
			}
		}
	}
}

func TestMessagesUseTheSameValuesInEveryLanguage(t *testing.T) {
	c := load(t)
	for _, k := range c.Keys(Default) {
		nl := strings.Count(c.msgs[Default][k], "%")
		for _, l := range Langs() {
			if n := strings.Count(c.msgs[l][k], "%"); n != nl {
				t.Errorf("%s: %s has %d placeholders, nl has %d", k, l, n, nl)
			}
		}
	}
}

func TestTranslateFormatsAndFallsBack(t *testing.T) {
	c := load(t)
	tests := []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"nl", "valid.too_long", []any{200}, "Dit is te lang: maximaal 200 tekens."},
		{"en", "valid.too_long", []any{200}, "This is too long: at most 200 characters."},
		{"fr", "login.title", nil, "Inloggen"},                                // unknown language: Dutch
		{"en", "no.such.key", nil, "no.such.key"},                             // unknown key shows itself
		{"nl", "valid.unknown", []any{"x"}, "Kies een van de mogelijkheden."}, // extra values dropped
	}
	for _, tt := range tests {
		if got := c.T(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("T(%s, %s) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}

// TestEveryValidationCodeHasAMessage reads every Go file that uses the
// valid package and checks that each literal code passed to Add has a
// "valid.<code>" message, so no domain shows a bare code to a person.
func TestEveryValidationCodeHasAMessage(t *testing.T) {
	c := load(t)
	root := filepath.Join("..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return nil // another engineer's half-written file is not this test's business
		}
		if !imports(f, "weerbaar/internal/valid") {
			return nil
		}
		for _, code := range addCodes(f) {
			if !c.Has(Default, "valid."+code) {
				t.Errorf("%s: validation code %q has no message valid.%s in the nl/ and en/ catalogues", path, code, code)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func imports(f *ast.File, path string) bool {
	for _, i := range f.Imports {
		if p, _ := strconv.Unquote(i.Path.Value); p == path {
			return true
		}
	}
	return false
}

// addCodes returns the literal second argument of every x.Add(field, code, ...) call.
func addCodes(f *ast.File) []string {
	var codes []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) < 2 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Add" {
			return true
		}
		if lit, ok := call.Args[1].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil {
				codes = append(codes, s)
			}
		}
		return true
	})
	return codes
}
