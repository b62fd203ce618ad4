package app_test

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// measureCSS asks for the start page and each stylesheet it links the way
// a browser does (Accept-Encoding: gzip), and once more uncompressed.
func measureCSS(b *testing.B, base, cookie string) cssFigures {
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	fetch := func(path, enc string) ([]byte, string) {
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		req.Header.Set("Cookie", cookie)
		req.Header.Set("Accept-Encoding", enc)
		res, err := tr.RoundTrip(req)
		if err != nil {
			b.Fatal(err)
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil || res.StatusCode != http.StatusOK {
			b.Fatalf("GET %s: status %d, %v", path, res.StatusCode, err)
		}
		return body, res.Header.Get("Content-Encoding")
	}
	page, enc := fetch("/", "gzip, deflate, br")
	f := cssFigures{html: len(page), htmlEncoding: enc, htmlGzip: gzipSize(page)}
	for _, m := range stylesheet.FindAllSubmatch(page, -1) {
		path := string(m[1])
		sent, enc := fetch(path, "gzip, deflate, br")
		raw, _ := fetch(path, "identity")
		f.files = append(f.files, cssFile{path: path, sent: len(sent), raw: len(raw), encoding: enc})
		f.sent += len(sent)
		f.raw += len(raw)
	}
	return f
}

func gzipSize(p []byte) int {
	var n countWriter
	zw, _ := gzip.NewWriterLevel(&n, gzip.DefaultCompression)
	zw.Write(p)
	zw.Close()
	return int(n)
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

func (f cssFigures) String() string {
	var sb strings.Builder
	enc := f.htmlEncoding
	if enc == "" {
		enc = "none"
	}
	fmt.Fprintf(&sb, "start page HTML: %d B sent (Content-Encoding: %s; gzip would make it %d B)\n", f.html, enc, f.htmlGzip)
	fmt.Fprintf(&sb, "%-48s %10s %10s %s\n", "stylesheet linked by the page", "sent B", "raw B", "encoding")
	for _, c := range f.files {
		fmt.Fprintf(&sb, "%-48s %10d %10d %s\n", c.path, c.sent, c.raw, c.encoding)
	}
	fmt.Fprintf(&sb, "%-48s %10d %10d (cached a year: hashed, immutable URLs)\n", "total CSS per page, first visit", f.sent, f.raw)
	return sb.String()
}

// trimmedCSS estimates what the NL Design System CSS would weigh if it
// held only the components the templates name (each component's own
// stylesheet from node_modules/@utrecht/<name>-css) and only the theme
// tokens those and our own stylesheets reach through var(). An estimate
// for a proposal: nothing here changes what the server sends.
func trimmedCSS(b *testing.B) string {
	root := benchModuleRoot(b)
	nm := filepath.Join(root, "node_modules", "@utrecht")
	if _, err := os.Stat(nm); err != nil {
		return "trimmed bundle: not estimated (no node_modules; run make assets)\n"
	}
	web := filepath.Join(root, "internal", "web")
	var src []byte
	for _, pattern := range []string{"templates/*.html", "templates/*/*.html", "*.go"} {
		files, _ := filepath.Glob(filepath.Join(web, pattern))
		for _, f := range files {
			if !strings.HasSuffix(f, "_test.go") {
				body, _ := os.ReadFile(f)
				src = append(src, body...)
			}
		}
	}
	var used []string
	var bundle []byte
	for _, name := range utrechtComponents(src) {
		for n := name; n != ""; n = n[:max(0, strings.LastIndex(n, "-"))] {
			css, err := os.ReadFile(filepath.Join(nm, n+"-css", "dist", "index.css"))
			if err == nil && !slices.Contains(used, n) {
				used = append(used, n)
				bundle = append(bundle, css...)
				break
			}
		}
	}
	own, _ := os.ReadFile(filepath.Join(web, "static", "weerbaar.css"))
	ownTheme, _ := os.ReadFile(filepath.Join(web, "static", "weerbaar-theme.css"))
	theme, err := os.ReadFile(filepath.Join(web, "static", "vendor", "voorbeeld-theme.css"))
	if err != nil {
		return "trimmed bundle: not estimated (no vendor CSS; run make assets)\n"
	}
	tokens := reachedTokens(theme, slices.Concat(bundle, own, ownTheme))
	return fmt.Sprintf("trimmed NL Design System CSS (estimate, %d components the templates name: %s)\n"+
		"  utrecht components: %d B raw, %d B gzip\n  theme tokens reached: %d B raw, %d B gzip\n",
		len(used), strings.Join(used, " "), len(bundle), gzipBest(bundle), len(tokens), gzipBest(tokens))
}

var (
	utrechtClass   = regexp.MustCompile(`utrecht-([a-z0-9]+(?:-[a-z0-9]+)*)`)
	utrechtDynamic = regexp.MustCompile(`utrecht-\{\{[^}]*\}\}([a-z0-9-]+)\{\{else\}\}([a-z0-9-]+)\{\{end\}\}`)
	tokenDecl      = regexp.MustCompile(`(?m)^\s*(--[A-Za-z0-9_-]+)\s*:(.*);\s*$`)
	tokenRef       = regexp.MustCompile(`var\(\s*(--[A-Za-z0-9_-]+)`)
)

// utrechtComponents lists the block names of the utrecht-* classes in src,
// also those a template picks with {{if}}…{{else}}…{{end}}.
func utrechtComponents(src []byte) []string {
	var names []string
	for _, m := range utrechtClass.FindAllSubmatch(src, -1) {
		names = append(names, string(m[1]))
	}
	for _, m := range utrechtDynamic.FindAllSubmatch(src, -1) {
		names = append(names, string(m[1]), string(m[2]))
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// reachedTokens keeps the theme's declarations that css reaches through
// var(), following tokens that refer to other tokens.
func reachedTokens(theme, css []byte) []byte {
	decl := map[string][]byte{}
	for _, m := range tokenDecl.FindAllSubmatch(theme, -1) {
		decl[string(m[1])] = m[0]
	}
	seen := map[string]bool{}
	var out []byte
	todo := tokenRef.FindAllSubmatch(css, -1)
	for len(todo) > 0 {
		name := string(todo[0][1])
		todo = todo[1:]
		if seen[name] || decl[name] == nil {
			continue
		}
		seen[name] = true
		out = append(append(out, decl[name]...), '\n')
		todo = append(todo, tokenRef.FindAllSubmatch(decl[name], -1)...)
	}
	return out
}

// gzipBest is the size the server's static files get (best compression).
func gzipBest(p []byte) int {
	var n countWriter
	zw, _ := gzip.NewWriterLevel(&n, gzip.BestCompression)
	zw.Write(p)
	zw.Close()
	return int(n)
}

func benchModuleRoot(b *testing.B) string {
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			b.Fatal("no go.mod above the benchmark's directory")
		}
		dir = filepath.Dir(dir)
	}
}
