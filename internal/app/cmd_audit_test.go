package app_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"weerbaar/internal/app"
	"weerbaar/internal/audit"
	"weerbaar/internal/store"
)

// runCommand runs the weerbaar binary's Run in-process.
func runCommand(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = app.Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// auditedDB makes a migrated SQLite database holding n audit events.
func auditedDB(t *testing.T, n int) (dsn string, db *store.DB) {
	t.Helper()
	dsn = "sqlite:" + filepath.Join(t.TempDir(), "weerbaar.db")
	if code, _, stderr := runCommand("migrate", "--db", dsn); code != 0 {
		t.Fatalf("migrate: %s", stderr)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	l := audit.New(db)
	for i := range n {
		if err := l.WriteNow(context.Background(), audit.Event{Actor: 1, Action: "login", Detail: fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
	}
	return dsn, db
}

func TestAuditVerifySaysIntactWithExitStatus0(t *testing.T) {
	dsn, _ := auditedDB(t, 20)
	code, stdout, stderr := runCommand("audit", "verify", "--db", dsn)
	if code != 0 || !strings.Contains(stdout, "audit-log intact: 20 regels") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

func TestAuditVerifyNamesTheFirstBrokenLinkWithExitStatus1(t *testing.T) {
	tests := []struct {
		name   string
		tamper string
		want   string
	}{
		{"altered", `UPDATE audit_log SET detail = 'anders' WHERE seq = 7`, "eerste breuk bij regel 7 (20"},
		{"deleted", `DELETE FROM audit_log WHERE seq = 12`, "eerste breuk bij regel 12 ("},
		{"newest deleted", `DELETE FROM audit_log WHERE seq > 17`, "eerste breuk bij regel 18 ("},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dsn, db := auditedDB(t, 20)
			ctx := context.Background()
			for _, q := range []string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`, tt.tamper} {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			code, stdout, stderr := runCommand("audit", "verify", "--db", dsn)
			if code != 1 || !strings.Contains(stdout, "audit-log NIET intact") || !strings.Contains(stdout, tt.want) {
				t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
			}
			if !strings.Contains(stderr, "audit-log is niet intact") {
				t.Fatalf("stderr: %s", stderr)
			}
		})
	}
}

func TestAuditWithoutKnownSubcommandExplainsAndFails(t *testing.T) {
	for _, args := range [][]string{{"audit"}, {"audit", "controleer"}} {
		code, _, stderr := runCommand(args...)
		if code == 0 || !strings.Contains(stderr, "weerbaar audit verify") {
			t.Errorf("%v: exit %d, stderr: %s", args, code, stderr)
		}
	}
	if code, stdout, _ := runCommand("audit", "-h"); code != 0 || !strings.Contains(stdout, "verify") {
		t.Errorf("audit -h: exit %d, %s", code, stdout)
	}
}

// An attacker who deletes a row and rewrites every later row and the head
// makes a chain that verifies on its own; the anchor noted earlier catches it.
func TestAuditVerifyAnchorCatchesARewrittenChain(t *testing.T) {
	dsn, db := auditedDB(t, 10)
	code, stdout, _ := runCommand("audit", "verify", "--db", dsn)
	_, anchor, ok := strings.Cut(strings.TrimSpace(stdout), "anker: ")
	if code != 0 || !ok {
		t.Fatalf("exit %d, no anchor in:\n%s", code, stdout)
	}
	if code, stdout, _ := runCommand("audit", "verify", "--db", dsn, "--anker", anchor); code != 0 {
		t.Fatalf("untouched log against its anchor: exit %d\n%s", code, stdout)
	}
	ctx := context.Background()
	for _, q := range []string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`,
		`DELETE FROM audit_log`, `UPDATE audit_head SET seq = 0, hash = ''`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	l := audit.New(db)
	for i := range 10 { // a forged history, hashed correctly
		if err := l.WriteNow(ctx, audit.Event{Actor: 1, Action: "login", Detail: fmt.Sprint("vervalst ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if code, stdout, _ := runCommand("audit", "verify", "--db", dsn); code != 0 {
		t.Fatalf("forged chain should verify on its own: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runCommand("audit", "verify", "--db", dsn, "--anker", anchor)
	if code != 1 || !strings.Contains(stdout, "de keten is herschreven") {
		t.Fatalf("forged chain against the anchor: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := runCommand("audit", "verify", "--db", dsn, "--anker", "tien:abc"); code != 2 || !strings.Contains(stderr, "REGEL:HASH") {
		t.Fatalf("bad anchor: exit %d, %s", code, stderr)
	}
}
