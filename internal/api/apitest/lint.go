// Package apitest checks an API capability the way the core API is
// checked: every route documented and every documented path served, and
// the whole document through the repository's Spectral ruleset (the NL API
// Design Rules). A capability's test is one call:
//
//	func TestDocument(t *testing.T) { apitest.CheckCapability(t, mycap.New(nil)) }
package apitest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Finding is one problem Spectral reports.
type Finding struct {
	Code     string `json:"code"`
	Message  string `json:"message"`
	Path     []any  `json:"path"`
	Severity int    `json:"severity"`
	Source   string `json:"source"`
}

// repoRoot is the directory with go.mod above the test's directory.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("apitest: no go.mod above the test")
		}
		dir = up
	}
}

// spectral is the path of the Spectral CLI from node_modules; outside CI
// the test is skipped when `npm ci` has not been run.
func spectral(t testing.TB, root string) string {
	t.Helper()
	bin := filepath.Join(root, "node_modules", ".bin", "spectral")
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("Spectral is required in CI: %v (run npm ci)", err)
		}
		t.Skipf("Spectral skipped: %s is missing; run `npm ci` in the repository root", bin)
	}
	return bin
}

// Lint runs the repository's ruleset on files, failing on warnings too,
// and returns the findings and whether Spectral reported failure.
func Lint(t testing.TB, files ...string) ([]Finding, bool) {
	t.Helper()
	root := repoRoot(t)
	args := append([]string{"lint", "-r", filepath.Join(root, ".spectral.yaml"),
		"--fail-severity=warn", "-f", "json", "-q"}, files...)
	cmd := exec.Command(spectral(t, root), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("spectral: %v: %s", err, stderr.String())
	}
	var out []Finding
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

// WriteDoc writes doc as dir/name.json and returns its path.
func WriteDoc(t testing.TB, dir, name string, doc any) string {
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
