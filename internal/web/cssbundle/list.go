// Package cssbundle builds the NL Design System stylesheets Weerbaar
// serves: of the Utrecht component library only the components listed in
// static/components.txt, and of the voorbeeld theme only the design
// tokens those components and our own CSS reach. `make assets` runs it
// through internal/web/cmd/cssbundle.
package cssbundle

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"slices"
)

// ReadList parses components.txt: one component per line, as named in
// its classes (utrecht-<name>); '#' starts a comment, blank lines are
// skipped.
func ReadList(data []byte) ([]string, error) {
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		name := string(bytes.TrimSpace(line))
		if name == "" {
			continue
		}
		if !componentName.MatchString(name) {
			return nil, fmt.Errorf("components.txt line %d: %q is not a component name", n, name)
		}
		names = append(names, name)
	}
	return names, sc.Err()
}

var (
	componentName = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	// markupClass is a utrecht-* class in markup (not a --utrecht-* property).
	markupClass = regexp.MustCompile(`(?:^|[^A-Za-z0-9_-])utrecht-([a-z0-9]+(?:-[a-z0-9]+)*)`)
	// markupChoice is a class a template picks: utrecht-{{if …}}a{{else}}b{{end}}.
	markupChoice = regexp.MustCompile(`utrecht-\{\{[^}]*\}\}([a-z0-9-]+)\{\{else\}\}([a-z0-9-]+)\{\{end\}\}`)
)

// MarkupBlocks lists, sorted, the components whose classes (utrecht-x,
// utrecht-x__part, utrecht-x--variant) markup or code in src uses, also
// those a template picks with {{if}}…{{else}}…{{end}}.
func MarkupBlocks(src []byte) []string {
	var names []string
	for _, m := range markupClass.FindAllSubmatch(src, -1) {
		names = append(names, string(m[1]))
	}
	for _, m := range markupChoice.FindAllSubmatch(src, -1) {
		names = append(names, string(m[1]), string(m[2]))
	}
	slices.Sort(names)
	return slices.Compact(names)
}
