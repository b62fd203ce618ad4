package app_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"weerbaar/internal/app"
	"weerbaar/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

func run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = app.Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// A mistake on the command line is said once, in Dutch, with a pointer to
// -h, and ends with exit status 2 before anything starts.
func TestCommandLineMistakesAreExplainedOnceWithExitStatus2(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--bogus"}, "onbekende optie -bogus"},
		{[]string{"serve", "--addr"}, "optie -addr heeft een waarde nodig"},
		{[]string{"serve", "--shutdown-timeout", "soms"}, `ongeldige waarde "soms" voor -shutdown-timeout`},
		{[]string{"serve", "--demo=misschien"}, `ongeldige waarde "misschien" voor -demo`},
		{[]string{"serve", "--addr", "geen-poort"}, `--addr "geen-poort": gebruik host:poort`},
		{[]string{"serve", "--log", "xml"}, `--log "xml": kies text of json`},
		{[]string{"serve", "--shutdown-timeout", "-5s"}, "--shutdown-timeout moet groter dan 0 zijn"},
		{[]string{"serve", "--db", "mysql://x"}, `ongeldige waarde "mysql://x" voor -db: gebruik sqlite:`},
		{[]string{"serve", "--smtp", "mail"}, `--smtp "mail": gebruik host:poort`},
		{[]string{"serve", "nu"}, `onverwacht argument "nu"`},
		{[]string{"migrate", "--bogus"}, "onbekende optie -bogus"},
		{[]string{"migrate", "--db", "sqlite:"}, `ongeldige waarde "sqlite:" voor -db`},
		{[]string{"migrate", "--db", "weerbaar.db"}, `ongeldige waarde "weerbaar.db" voor -db`},
		{[]string{"migrate", "alles"}, `onverwacht argument "alles"`},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, stdout, stderr := run(c.args...)
			if code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("stderr lacks %q:\n%s", c.want, stderr)
			}
			if n := strings.Count(stderr, c.want); n != 1 {
				t.Errorf("message printed %d times:\n%s", n, stderr)
			}
			if !strings.Contains(stderr, "'weerbaar "+c.args[0]+" -h' toont de opties") {
				t.Errorf("no pointer to -h:\n%s", stderr)
			}
			if strings.Contains(stderr, "Usage") || strings.Contains(stderr, "flag provided") || stdout != "" {
				t.Errorf("English flag text or output leaked:\nstdout: %s\nstderr: %s", stdout, stderr)
			}
		})
	}
}

func TestSeveralBadValuesAreAllNamedAtOnce(t *testing.T) {
	code, _, stderr := run("serve", "--addr", "x", "--log", "xml")
	if code != 2 || !strings.Contains(stderr, "--addr") || !strings.Contains(stderr, "--log") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestHelpPrintsTheOptionsAndSucceeds(t *testing.T) {
	for _, cmd := range []string{"serve", "migrate"} {
		code, _, stderr := run(cmd, "-h")
		if code != 0 || !strings.Contains(stderr, "-db") || !strings.Contains(stderr, "Opties:") {
			t.Errorf("%s -h: exit %d, output:\n%s", cmd, code, stderr)
		}
	}
}

func TestUnknownCommandExitsWithStatus2(t *testing.T) {
	code, _, stderr := run("serveer")
	if code != 2 || !strings.Contains(stderr, `onbekend commando "serveer"`) {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestMigrateReportsTheSchemaVersionAndFailsWithStatus1WhenItCannot(t *testing.T) {
	code, stdout, stderr := run("migrate", "--db", "sqlite:"+filepath.Join(t.TempDir(), "w.db"))
	if code != 0 || !strings.Contains(stdout, "schemaversie") {
		t.Fatalf("migrate: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	code, _, stderr = run("migrate", "--db", "sqlite:/proc/geen-toegang/w.db")
	if code != 1 || strings.Count(stderr, "weerbaar migrate:") != 1 {
		t.Fatalf("unopenable database: exit %d, stderr:\n%s", code, stderr)
	}
}
