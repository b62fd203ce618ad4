package cssbundle

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ReadInput gathers a bundle's input from the web package folder web:
// static/components.txt, and as users of theme tokens our own stylesheets
// (static/*.css), the templates and the package's Go code.
func ReadInput(nodeModules, web string) (Input, error) {
	list, err := os.ReadFile(filepath.Join(web, "static", "components.txt"))
	if err != nil {
		return Input{}, fmt.Errorf("read component list: %w", err)
	}
	in := Input{NodeModules: nodeModules, List: list}
	in.Users, err = ReadSources(web, "static/*.css")
	return in, err
}

// ReadSources reads the templates and non-test Go files of the web
// package, and the files matching the extra patterns (relative to web).
func ReadSources(web string, extra ...string) ([][]byte, error) {
	patterns := append([]string{"templates/*.html", "templates/*/*.html", "*.go",
		"*/templates/*/*.html", "*/*.go"}, extra...) // the shell and every capability
	var out [][]byte
	for _, p := range patterns {
		files, err := filepath.Glob(filepath.Join(web, p))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			body, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", f, err)
			}
			out = append(out, body)
		}
	}
	return out, nil
}
