package web_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/i18n"
)

// Template calls that name a catalogue key: {{.T "key"}}, {{$.T "key" …}},
// {{.TArgs "key" …}} and {{.Field "name" "prefix" …}} (prefix.label).
var (
	tCallRE     = regexp.MustCompile(`\.T(?:Args)? "([^"]+)"`)
	fieldCallRE = regexp.MustCompile(`\.Field "[^"]+" "([^"]+)"`)
	crumbsRE    = regexp.MustCompile(`\.Crumbs((?: "[^"]*")+)`)
)

func TestEveryKeyATemplateUsesIsInTheCatalogue(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	// Every capability's templates as well as the shell's.
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") || !strings.Contains(path, "templates/") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(b)
		for _, m := range tCallRE.FindAllStringSubmatch(src, -1) {
			n++
			checkKey(t, cat, path, m[1])
		}
		for _, m := range fieldCallRE.FindAllStringSubmatch(src, -1) {
			n++
			checkKey(t, cat, path, m[1]+".label")
		}
		for _, m := range crumbsRE.FindAllStringSubmatch(src, -1) {
			args := strings.Split(strings.TrimSpace(m[1]), " ")
			for i := 0; i < len(args); i += 2 {
				checkKey(t, cat, path, strings.Trim(args[i], `"`))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("found only %d catalogue calls in the templates; is the scan broken?", n)
	}
}

// keyLike matches string literals in Go code that look like catalogue
// keys; those whose first part names an area of the catalogue (login.,
// start., incident., ...) must be in it.
var keyLike = regexp.MustCompile(`^[a-z]+(\.[a-z0-9_]+)+$`)

// areas returns the first parts of every catalogue key.
func areas(cat *i18n.Catalog) map[string]bool {
	out := map[string]bool{}
	for _, k := range cat.Keys(i18n.Default) {
		area, _, _ := strings.Cut(k, ".")
		out[area] = true
	}
	return out
}

func TestEveryKeyTheHandlersUseIsInTheCatalogue(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	known := areas(cat)
	fset := token.NewFileSet()
	// The shell's handlers and every capability's.
	var files []string
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			files = append(files, path)
		}
		return err
	})
	n := 0
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(node ast.Node) bool {
			lit, ok := node.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			area, _, _ := strings.Cut(s, ".")
			if !keyLike.MatchString(s) || !known[area] {
				return true
			}
			n++
			// A key may be a prefix that the code completes (error pages:
			// key+".title"/".text"; fields: key+".label").
			if !cat.Has(i18n.Default, s) && !cat.Has(i18n.Default, s+".title") && !cat.Has(i18n.Default, s+".label") {
				t.Errorf("%s: %q is not in the catalogue", fset.Position(lit.Pos()), s)
			}
			return true
		})
	}
	if n < 20 {
		t.Fatalf("found only %d keys in the handlers; is the scan broken?", n)
	}
}

func TestEveryRoleHasAName(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range auth.Roles {
		checkKey(t, cat, "layout.html", "role."+string(r))
	}
}

func checkKey(t *testing.T, cat *i18n.Catalog, where, key string) {
	t.Helper()
	for _, lang := range i18n.Langs() {
		if !cat.Has(lang, key) {
			t.Errorf("%s uses %q, missing from %s.json", where, key, lang)
		}
	}
}
