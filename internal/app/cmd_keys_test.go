package app_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/app"
	"weerbaar/internal/config"
	"weerbaar/internal/store"
	"weerbaar/internal/vault"
)

func noMasterKeyInEnvironment(t *testing.T) {
	t.Setenv(vault.EnvMasterKey, "")
	t.Setenv("WEERBAAR_MASTER_KEY_FILE", "")
}

func TestServeRefusesToStartWithoutMasterKeyAndSaysHowToMakeOne(t *testing.T) {
	noMasterKeyInEnvironment(t)
	path := filepath.Join(t.TempDir(), "weerbaar.db")
	code, _, stderr := runCommand("serve", "--db", "sqlite:"+path, "--addr", "127.0.0.1:0")
	if code == 0 {
		t.Fatal("serve started without a master key")
	}
	for _, want := range []string{"geen hoofdsleutel", "weerbaar keys generate > weerbaar.key", "--master-key-file", "WEERBAAR_MASTER_KEY"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a database was made before the key was checked")
	}
}

func TestDemoModeStartsWithAKeyFileBesideTheDatabase(t *testing.T) {
	noMasterKeyInEnvironment(t)
	path := filepath.Join(t.TempDir(), "demo.db")
	cfg := config.Config{DB: "sqlite:" + path, Demo: true}
	a, err := app.New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if a.Vault == nil {
		t.Fatal("no vault wired")
	}
	if info, err := os.Stat(path + ".key"); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("demo key file: %v, %v", info, err)
	}
}

func TestKeysGeneratePrintsOneKeyringLine(t *testing.T) {
	code, stdout, stderr := runCommand("keys", "generate")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Count(stdout, "\n") != 1 {
		t.Fatalf("want exactly one line, got %q", stdout)
	}
	if _, err := vault.ParseKeyring(stdout, false); err != nil {
		t.Fatal(err)
	}
}

func TestKeysHelpExplainsTheRollout(t *testing.T) {
	code, stdout, _ := runCommand("keys", "-h")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"keys generate >> weerbaar.key", "bovenaan", "keys rotate", "keys status", "haal dan de oude regel"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("keys -h lacks %q", want)
		}
	}
	if code, _, _ := runCommand("keys", "wissel"); code == 0 {
		t.Error("unknown keys command accepted")
	}
}

func TestKeysRotateRewrapsUnderTheNewPrimaryKey(t *testing.T) {
	noMasterKeyInEnvironment(t)
	ctx := context.Background()
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "weerbaar.db")
	if code, _, stderr := runCommand("migrate", "--db", dsn); code != 0 {
		t.Fatal(stderr)
	}
	oldLine, _ := vault.GenerateKeyLine(time.Now())
	newLine, _ := vault.GenerateKeyLine(time.Now())
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	oldRing, _ := vault.ParseKeyring(oldLine, false)
	before := vault.New(db, oldRing)
	var sealed [][]byte
	for range 3 {
		id, err := before.NewKey(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		b, err := before.SealString(ctx, db, id, "adres", "veiligwonen:1:address")
		if err != nil {
			t.Fatal(err)
		}
		sealed = append(sealed, b)
	}
	keyFile := filepath.Join(dir, "weerbaar.key")
	if err := os.WriteFile(keyFile, []byte(newLine+"\n"+oldLine+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Starting with only the new key, before rotating, would strand the old
	// records: refused, and keys status says why.
	newOnly := filepath.Join(dir, "new-only.key")
	if err := os.WriteFile(newOnly, []byte(newLine+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	if _, err := app.New(ctx, config.Config{DB: dsn, MasterKeyFile: newOnly}, quiet); err == nil || !strings.Contains(err.Error(), "mist hoofdsleutel") {
		t.Fatalf("start without the old key before rotating: %v", err)
	}
	if code, stdout, _ := runCommand("keys", "status", "--db", dsn, "--master-key-file", newOnly); code != 1 || !strings.Contains(stdout, "ONTBREEKT") {
		t.Fatalf("keys status without the old key: exit %d\n%s", code, stdout)
	}
	code, stdout, stderr := runCommand("keys", "rotate", "--db", dsn, "--master-key-file", keyFile)
	if code != 0 || !strings.Contains(stdout, "3 datasleutel(s) opnieuw verpakt") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	newRing, _ := vault.ParseKeyring(newLine, false)
	after := vault.New(db, newRing)
	for _, b := range sealed {
		if got, err := after.OpenString(ctx, db, b, "veiligwonen:1:address"); err != nil || got != "adres" {
			t.Fatalf("after rotate without the old key: %q, %v", got, err)
		}
	}
	if code, stdout, _ := runCommand("keys", "status", "--db", dsn, "--master-key-file", keyFile); code != 0 || !strings.Contains(stdout, "secundair") || !strings.Contains(stdout, "0 datasleutel(s)") {
		t.Fatalf("keys status after rotate: exit %d\n%s", code, stdout)
	}
	a, err := app.New(ctx, config.Config{DB: dsn, MasterKeyFile: newOnly}, quiet)
	if err != nil {
		t.Fatalf("start with only the new key after rotating: %v", err)
	}
	a.Close()
	if code, _, stderr := runCommand("keys", "rotate", "--db", dsn); code == 0 || !strings.Contains(stderr, "geen hoofdsleutel") {
		t.Fatalf("rotate without key: exit %d, %s", code, stderr)
	}
}
