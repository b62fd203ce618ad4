package vault

import (
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"weerbaar/internal/config"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestNoMasterKeyOutsideDemoModeIsRefusedWithHowTo(t *testing.T) {
	t.Setenv(EnvMasterKey, "")
	dir := t.TempDir()
	_, err := LoadKeyring(config.Config{DB: "sqlite:" + filepath.Join(dir, "w.db")}, quiet())
	if !errors.Is(err, ErrNoMasterKey) {
		t.Fatalf("err = %v, want ErrNoMasterKey", err)
	}
	for _, want := range []string{"geen hoofdsleutel", "weerbaar keys generate > weerbaar.key", "chmod 600", "--master-key-file", EnvMasterKey} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("refusing made files: %v", entries)
	}
}

func TestMasterKeyFromFileOrEnvironment(t *testing.T) {
	line := keyLine(t)
	path := filepath.Join(t.TempDir(), "weerbaar.key")
	if err := os.WriteFile(path, []byte(line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	id, _, _ := strings.Cut(line, ":")

	t.Setenv(EnvMasterKey, "")
	k, err := LoadKeyring(config.Config{MasterKeyFile: path}, quiet())
	if err != nil || k.Primary() != id {
		t.Fatalf("file: %v, %v", k, err)
	}
	t.Setenv(EnvMasterKey, line)
	k, err = LoadKeyring(config.Config{}, quiet())
	if err != nil || k.Primary() != id {
		t.Fatalf("env: %v, %v", k, err)
	}
	if _, err := LoadKeyring(config.Config{MasterKeyFile: path}, quiet()); err == nil || !strings.Contains(err.Error(), "kies er één") {
		t.Fatalf("file and env both set: err = %v", err)
	}
	t.Setenv(EnvMasterKey, "")
	if _, err := LoadKeyring(config.Config{MasterKeyFile: path + ".missing"}, quiet()); err == nil {
		t.Fatal("missing key file accepted")
	}
}

func TestDemoModeMakesOneKeyFileBesideTheDatabase(t *testing.T) {
	t.Setenv(EnvMasterKey, "")
	db := filepath.Join(t.TempDir(), "demo.db")
	cfg := config.Config{Demo: true, DB: "sqlite:" + db}
	k1, err := LoadKeyring(cfg, quiet())
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(db + ".key")
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("demo key file mode %v, want 0600", info.Mode().Perm())
	}
	k2, err := LoadKeyring(cfg, quiet())
	if err != nil || k2.Primary() != k1.Primary() {
		t.Fatalf("second start: %v, %v; want the same key %s", k2, err, k1.Primary())
	}
}

func TestDemoModeOnPostgresKeepsItsKeyInTheWorkingDirectory(t *testing.T) {
	t.Setenv(EnvMasterKey, "")
	dir := t.TempDir()
	t.Chdir(dir)
	if _, err := LoadKeyring(config.Config{Demo: true, DB: "postgres://x@127.0.0.1/weerbaar"}, quiet()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "weerbaar-demo.key")); err != nil {
		t.Fatal(err)
	}
}
