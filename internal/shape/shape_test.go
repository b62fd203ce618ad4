package shape

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const (
	maxFileLines    = 300
	maxPackageShare = 0.20
)

// goFiles are the repository's Go files (not node_modules, not build
// output, not testdata) with their line counts.
func goFiles(t *testing.T) map[string]int {
	t.Helper()
	root := filepath.Join("..", "..")
	out := map[string]int{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "build", "testdata", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[rel] = bytes.Count(b, []byte("\n"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 50 {
		t.Fatalf("found only %d Go files: not the repository root?", len(out))
	}
	return out
}

func TestNoFileIsOver300Lines(t *testing.T) {
	files := goFiles(t)
	for _, f := range sortedKeys(files) {
		if n := files[f]; n > maxFileLines {
			t.Errorf("%s has %d lines (at most %d): split it where its parts have names of their own", f, n, maxFileLines)
		}
	}
}

func TestNoPackageHoldsMoreThanAFifthOfTheCode(t *testing.T) {
	perDir, total := map[string]int{}, 0
	for f, n := range goFiles(t) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		perDir[filepath.Dir(f)] += n
		total += n
	}
	for _, d := range sortedKeys(perDir) {
		if share := float64(perDir[d]) / float64(total); share > maxPackageShare {
			t.Errorf("%s holds %.1f %% of the non-test lines (%d of %d; at most %.0f %%)", d, 100*share, perDir[d], total, 100*maxPackageShare)
		}
	}
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
