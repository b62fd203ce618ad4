package app_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// withStdin runs fn with text as the process's standard input.
func withStdin(t *testing.T, text string, fn func()) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stdin")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	old := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = old }()
	fn()
}

var shownPassword = regexp.MustCompile(`Wachtwoord \(wordt maar één keer getoond; geef het veilig door\): (\S+)`)

func canLogIn(t *testing.T, db *store.DB, email, pw string) error {
	t.Helper()
	s := auth.NewService(db, audit.New(db), auth.Options{})
	_, err := s.Login(context.Background(), email, pw, "192.0.2.1")
	return err
}

func TestUserCommandsAddChangeAndDisableAccounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		code, out, errs := run("user", "add", "--db", db.DSN, "--email", "griffier@example.nl",
			"--name", "Griffier Utrecht", "--role", "coördinator", "--org", "gm0344")
		if code != 0 {
			t.Fatalf("user add: exit %d: %s", code, errs)
		}
		m := shownPassword.FindStringSubmatch(out)
		if m == nil || len(m[1]) < 20 || !strings.Contains(out, "GM0344 Utrecht") || !strings.Contains(out, "tweede factor") {
			t.Fatalf("user add printed %q, want the account, a generated password and the TOTP hint", out)
		}
		if err := canLogIn(t, db, "griffier@example.nl", m[1]); err != nil {
			t.Fatalf("login with the printed password: %v", err)
		}

		withStdin(t, "een zelfgekozen wachtwoord\n", func() {
			code, out, errs = run("user", "add", "--db", db.DSN, "--email", "raadslid@example.nl",
				"--name", "Raadslid Amsterdam", "--role", "ambtsdrager", "--org", "GM0363", "--password-stdin")
		})
		if code != 0 || strings.Contains(out, "Wachtwoord (") {
			t.Fatalf("user add --password-stdin: exit %d, out %q, err %q", code, out, errs)
		}
		if err := canLogIn(t, db, "raadslid@example.nl", "een zelfgekozen wachtwoord"); err != nil {
			t.Fatalf("login with the password from stdin: %v", err)
		}

		withStdin(t, "nog een ander wachtwoord\r\n", func() {
			code, _, errs = run("user", "passwd", "--db", db.DSN, "--email", "RAADSLID@example.nl", "--password-stdin")
		})
		if code != 0 {
			t.Fatalf("user passwd: exit %d: %s", code, errs)
		}
		if err := canLogIn(t, db, "raadslid@example.nl", "nog een ander wachtwoord"); err != nil {
			t.Fatalf("login after passwd: %v", err)
		}

		code, _, errs = run("user", "role", "--db", db.DSN, "--email", "raadslid@example.nl", "--role", "beheerder")
		if code != 0 {
			t.Fatalf("user role: exit %d: %s", code, errs)
		}
		s := auth.NewService(db, audit.New(db), auth.Options{})
		a, _ := s.FindAccountByEmail(context.Background(), nil, "raadslid@example.nl")
		if a.Role != auth.RoleAdmin || a.OrgID != 0 {
			t.Fatalf("after user role: %s of org %d, want beheerder without organisation", a.Role, a.OrgID)
		}

		code, _, errs = run("user", "disable", "--db", db.DSN, "--email", "raadslid@example.nl")
		if code != 0 {
			t.Fatalf("user disable: exit %d: %s", code, errs)
		}
		if err := canLogIn(t, db, "raadslid@example.nl", "nog een ander wachtwoord"); !errors.Is(err, auth.ErrInvalidCredentials) {
			t.Fatalf("login after disable: %v, want refused", err)
		}
	})
}

func TestUserCommandMistakesGetADutchMessageAndNonZeroExit(t *testing.T) {
	db := storetest.SQLite(t)
	run("user", "add", "--db", db.DSN, "--email", "bestaat@example.nl", "--name", "Bestaat", "--role", "beheerder")
	cases := []struct {
		rule  string
		args  []string
		stdin string
		exit  int
		want  string
	}{
		{"unknown subcommand", []string{"user", "delete"}, "", 2, `onbekend commando "delete"`},
		{"no subcommand", []string{"user"}, "", 2, "geef een commando"},
		{"unknown flag", []string{"user", "add", "--bogus"}, "", 2, "onbekende optie -bogus"},
		{"missing e-mail", []string{"user", "add", "--name", "X", "--role", "beheerder"}, "", 2, "--email is verplicht"},
		{"missing role", []string{"user", "role", "--email", "bestaat@example.nl"}, "", 2, "--role is verplicht"},
		{"unknown role", []string{"user", "add", "--email", "a@example.nl", "--name", "A", "--role", "burgemeester"}, "", 2, `onbekende rol "burgemeester"`},
		{"unknown organisation", []string{"user", "add", "--email", "a@example.nl", "--name", "A", "--role", "ambtsdrager", "--org", "GM9999"}, "", 2, `onbekende organisatie "GM9999"`},
		{"role needs an organisation", []string{"user", "add", "--email", "a@example.nl", "--name", "A", "--role", "coordinator"}, "", 1, "--org: Kies de organisatie bij deze rol."},
		{"invalid e-mail address", []string{"user", "add", "--email", "geen-adres", "--name", "A", "--role", "beheerder"}, "", 1, "--email: Vul een geldig e-mailadres in"},
		{"address already taken", []string{"user", "add", "--email", "Bestaat@Example.nl", "--name", "A", "--role", "beheerder"}, "", 1, "--email: Er is al een account met dit e-mailadres."},
		{"short password", []string{"user", "add", "--email", "a@example.nl", "--name", "A", "--role", "beheerder", "--password-stdin"}, "kort\n", 1, "wachtwoord: Het wachtwoord moet minstens 12 tekens lang zijn."},
		{"common password", []string{"user", "passwd", "--email", "bestaat@example.nl", "--password-stdin"}, "MASTURBATION\n", 1, "wordt veel gebruikt"},
		{"empty password", []string{"user", "passwd", "--email", "bestaat@example.nl", "--password-stdin"}, "\n", 1, "geen wachtwoord op de invoer"},
		{"unknown account", []string{"user", "disable", "--email", "niemand@example.nl"}, "", 1, `geen account met e-mailadres "niemand@example.nl"`},
		{"positional argument", []string{"user", "disable", "--email", "bestaat@example.nl", "nu"}, "", 2, `onverwacht argument "nu`},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			args := append(append([]string{}, c.args...), "--db", db.DSN)
			if len(c.args) < 3 {
				args = c.args
			}
			var code int
			var errs string
			withStdin(t, c.stdin, func() { code, _, errs = run(args...) })
			if code != c.exit || !strings.Contains(errs, c.want) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, errs, c.exit, c.want)
			}
		})
	}
}
