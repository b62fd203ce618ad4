package cssbundle

import (
	"bytes"
	"regexp"
)

var (
	varRef   = regexp.MustCompile(`var\(\s*(--[A-Za-z0-9_-]+)`)
	propName = regexp.MustCompile(`^(--[A-Za-z0-9_-]+)\s*:`)
)

// Theme keeps of a design-token theme the custom-property declarations
// that users reach through var(), following tokens that refer to other
// tokens. It trims only a theme it fully understands: top-level rules for
// the selector themeClass holding nothing but custom properties. Any
// other shape (another selector, an at-rule, a normal declaration) makes
// it return the theme whole with trimmed false: correct before small.
func Theme(theme []byte, themeClass string, users ...[]byte) (out []byte, trimmed bool) {
	decls, ok := themeDecls(theme, themeClass)
	if !ok {
		return theme, false
	}
	byName := map[string][][]byte{}
	for _, d := range decls {
		name := string(propName.FindSubmatch(d)[1])
		byName[name] = append(byName[name], d)
	}
	reached := map[string]bool{}
	var todo [][][][]byte
	for _, u := range users {
		todo = append(todo, varRef.FindAllSubmatch(u, -1))
	}
	for len(todo) > 0 {
		refs := todo[0]
		todo = todo[1:]
		for _, m := range refs {
			name := string(m[1])
			if reached[name] {
				continue
			}
			reached[name] = true
			for _, d := range byName[name] {
				todo = append(todo, varRef.FindAllSubmatch(d, -1))
			}
		}
	}
	out = append(out, themeHeader(theme)...)
	out = append(out, themeClass+" {\n"...)
	for _, d := range decls {
		if reached[string(propName.FindSubmatch(d)[1])] {
			out = append(append(append(out, "  "...), d...), ";\n"...)
		}
	}
	return append(out, "}\n"...), true
}

// themeDecls returns the declarations of every rule in theme (each without
// its ';', comments before it removed), or false when the theme holds
// anything but themeClass rules of custom properties.
func themeDecls(theme []byte, themeClass string) ([][]byte, bool) {
	stmts, tail, err := parse(theme)
	if err != nil || len(stmts) == 0 || len(bytes.TrimSpace(tail)) > 0 {
		return nil, false
	}
	var decls [][]byte
	for _, s := range stmts {
		if s.body == nil || string(bytes.TrimSpace(s.prelude)) != themeClass {
			return nil, false
		}
		for _, d := range splitTop(s.body, ';') {
			d = bytes.TrimSpace(d[skipTrivia(d, 0):])
			if len(d) == 0 {
				continue
			}
			if !propName.Match(d) || bytes.Contains(d, []byte("/*")) {
				return nil, false
			}
			decls = append(decls, d)
		}
	}
	return decls, true
}

// themeHeader is the comment the theme file starts with (its notice).
func themeHeader(theme []byte) []byte {
	return theme[:skipTrivia(theme, 0)]
}
