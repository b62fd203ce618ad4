package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// repoRoot is where go test runs this package from, two levels down.
const repoRoot = "../.."

// spectral returns the path of the Spectral CLI from node_modules, or skips
// the test (outside CI) when `npm ci` has not been run.
func spectral(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(repoRoot, "node_modules", ".bin", "spectral")
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("Spectral is required in CI: %v (run npm ci)", err)
		}
		t.Skipf("Spectral skipped: %s is missing; run `npm ci` in the repository root", bin)
	}
	return bin
}

type lintResult struct {
	Code     string `json:"code"`
	Message  string `json:"message"`
	Path     []any  `json:"path"`
	Severity int    `json:"severity"`
	Source   string `json:"source"`
}

// lint runs the repository's ruleset on files, failing on warnings too, and
// returns the findings and whether Spectral reported failure.
func lint(t *testing.T, files ...string) ([]lintResult, bool) {
	t.Helper()
	args := append([]string{"lint", "-r", filepath.Join(repoRoot, ".spectral.yaml"),
		"--fail-severity=warn", "-f", "json", "-q"}, files...)
	cmd := exec.Command(spectral(t), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("spectral: %v: %s", err, stderr.String())
	}
	var out []lintResult
	if s := strings.TrimSpace(stdout.String()); s != "" {
		if jerr := json.Unmarshal([]byte(s), &out); jerr != nil {
			t.Fatalf("spectral output: %v\n%s\n%s", jerr, s, stderr.String())
		}
	}
	if err != nil && len(out) == 0 {
		t.Fatalf("spectral failed without findings: %v: %s", err, stderr.String())
	}
	return out, err != nil
}

// servedDocument fetches /api/v1/openapi.json from a running API.
func servedDocument(t *testing.T) map[string]any {
	t.Helper()
	srv := newTestServer(t, Deps{})
	res := srv.get(t, "/api/v1/openapi.json", "")
	if res.StatusCode != 200 {
		t.Fatalf("openapi.json: status %d", res.StatusCode)
	}
	var doc map[string]any
	if err := json.Unmarshal(res.body, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return doc
}

func writeDoc(t *testing.T, dir, name string, doc any) string {
	t.Helper()
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name+".json")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOpenAPIDocumentPassesSpectral(t *testing.T) {
	t.Parallel() // Spectral takes seconds to start
	p := writeDoc(t, t.TempDir(), "openapi", servedDocument(t))
	findings, failed := lint(t, p)
	for _, f := range findings {
		t.Errorf("%s: %s at %v", f.Code, f.Message, f.Path)
	}
	if failed && len(findings) == 0 {
		t.Error("spectral failed")
	}
}

// TestRulesetCatchesTrailingSlashAndMissingVersionHeader proves the lint is
// not a test that cannot fail: a copy with both faults is refused.
func TestRulesetCatchesTrailingSlashAndMissingVersionHeader(t *testing.T) {
	t.Parallel()
	doc := servedDocument(t)
	paths := doc["paths"].(map[string]any)
	paths["/mij/"] = paths["/mij"]
	delete(paths, "/mij")
	get := paths["/mij/"].(map[string]any)["get"].(map[string]any)
	ok := get["responses"].(map[string]any)["200"].(map[string]any)
	delete(ok["headers"].(map[string]any), "API-Version")

	findings, failed := lint(t, writeDoc(t, t.TempDir(), "broken", doc))
	if !failed {
		t.Fatal("spectral passed a document with a trailing slash and no API-Version header")
	}
	got := codes(findings)
	for _, want := range []string{"nlgov:paths-no-trailing-slash", "nlgov:missing-version-header"} {
		if !got[want] {
			t.Errorf("rule %s did not fire; got %v", want, keys(got))
		}
	}
}

func codes(fs []lintResult) map[string]bool {
	m := map[string]bool{}
	for _, f := range fs {
		m[f.Code] = true
	}
	return m
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
