package cssbundle

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Paths of the component library and the theme inside node_modules.
const (
	LibraryPath = "@utrecht/component-library-css/dist/index.css"
	ThemePath   = "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"
	ThemeClass  = ".voorbeeld-theme"
)

// Input is what a bundle is built from.
type Input struct {
	NodeModules string   // the npm folder holding the library and the theme
	List        []byte   // components.txt
	Users       [][]byte // our own CSS, templates and code: what reaches tokens
}

// Bundle is the built stylesheets.
type Bundle struct {
	Components   []string
	Utrecht      []byte // vendor/utrecht.css
	Theme        []byte // vendor/voorbeeld-theme.css
	ThemeTrimmed bool   // false: the theme's shape was not understood, kept whole
}

// Build makes the bundle. It fails when a listed component has no rule in
// the library, so a typo in components.txt cannot drop a component.
func Build(in Input) (Bundle, error) {
	names, err := ReadList(in.List)
	if err != nil {
		return Bundle{}, err
	}
	library, err := os.ReadFile(filepath.Join(in.NodeModules, LibraryPath))
	if err != nil {
		return Bundle{}, fmt.Errorf("read component library: %w", err)
	}
	theme, err := os.ReadFile(filepath.Join(in.NodeModules, ThemePath))
	if err != nil {
		return Bundle{}, fmt.Errorf("read theme: %w", err)
	}
	utrecht, err := Components(library, names)
	if err != nil {
		return Bundle{}, err
	}
	if missing := Missing(utrecht, names); len(missing) > 0 {
		return Bundle{}, fmt.Errorf("components.txt names components without rules in %s: %v", LibraryPath, missing)
	}
	trimmed, ok := Theme(theme, ThemeClass, slices.Concat([][]byte{utrecht}, in.Users)...)
	return Bundle{Components: names, Utrecht: utrecht, Theme: trimmed, ThemeTrimmed: ok}, nil
}

// Missing lists the names that no selector in css styles as a class
// (.utrecht-<name>, its parts and variants).
func Missing(css []byte, names []string) []string {
	var have []string
	stmts, _, _ := parse(css)
	collectBlocks(stmts, &have)
	var missing []string
	for _, n := range names {
		if !slices.Contains(have, n) {
			missing = append(missing, n)
		}
	}
	return missing
}

func collectBlocks(stmts []stmt, have *[]string) {
	for _, s := range stmts {
		switch {
		case s.body == nil:
		case bytes.HasPrefix(s.prelude, []byte("@")):
			inner, _, _ := parse(s.body)
			collectBlocks(inner, have)
		default:
			for _, sel := range splitTop(s.prelude, ',') {
				*have = append(*have, topLevelBlocks(sel)...)
			}
		}
	}
}
