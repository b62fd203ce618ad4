// Command cssbundle writes the NL Design System stylesheets Weerbaar
// embeds (`make assets` runs it): vendor/utrecht.css with only the Utrecht
// components in static/components.txt, and vendor/voorbeeld-theme.css
// with only the theme tokens those and our own CSS reach.
//
//	go run ./internal/web/cmd/cssbundle -node-modules node_modules -web internal/web
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"weerbaar/internal/web/cssbundle"
)

func main() {
	nodeModules := flag.String("node-modules", "node_modules", "npm folder with the library and theme")
	web := flag.String("web", "internal/web", "the web package: static/components.txt, our CSS, templates")
	flag.Parse()
	if err := run(*nodeModules, *web); err != nil {
		fmt.Fprintln(os.Stderr, "cssbundle:", err)
		os.Exit(1)
	}
}

func run(nodeModules, web string) error {
	in, err := cssbundle.ReadInput(nodeModules, web)
	if err != nil {
		return err
	}
	b, err := cssbundle.Build(in)
	if err != nil {
		return err
	}
	out := filepath.Join(web, "static", "vendor")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "utrecht.css"), b.Utrecht, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "voorbeeld-theme.css"), b.Theme, 0o644); err != nil {
		return err
	}
	theme := "trimmed"
	if !b.ThemeTrimmed {
		theme = "copied whole (shape not understood)"
	}
	fmt.Printf("cssbundle: %d components, utrecht.css %d B, voorbeeld-theme.css %d B (%s)\n",
		len(b.Components), len(b.Utrecht), len(b.Theme), theme)
	return nil
}
