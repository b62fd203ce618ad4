package app_test

import (
	"errors"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestUserEnableLetsADisabledAccountLogInAgain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		const email, pw = "raadslid@example.nl", "een zelfgekozen wachtwoord"
		var code int
		var errs string
		withStdin(t, pw+"\n", func() {
			code, _, errs = run("user", "add", "--db", db.DSN, "--email", email,
				"--name", "Raadslid Utrecht", "--role", "ambtsdrager", "--org", "GM0344", "--password-stdin")
		})
		if code != 0 {
			t.Fatalf("user add: exit %d: %s", code, errs)
		}
		if code, _, errs = run("user", "disable", "--db", db.DSN, "--email", email); code != 0 {
			t.Fatalf("user disable: exit %d: %s", code, errs)
		}
		if err := canLogIn(t, db, email, pw); !errors.Is(err, auth.ErrInvalidCredentials) {
			t.Fatalf("login while disabled: %v, want refused", err)
		}

		code, out, errs := run("user", "enable", "--db", db.DSN, "--email", "RAADSLID@example.nl")
		if code != 0 {
			t.Fatalf("user enable: exit %d: %s", code, errs)
		}
		if !strings.Contains(out, "Account raadslid@example.nl is weer ingeschakeld") {
			t.Errorf("user enable printed %q", out)
		}
		if err := canLogIn(t, db, email, pw); err != nil {
			t.Fatalf("login after enable: %v", err)
		}

		code, out, _ = run("user", "enable", "--db", db.DSN, "--email", email)
		if code != 0 || !strings.Contains(out, "is niet uitgeschakeld") {
			t.Fatalf("enable an enabled account: exit %d, %q; want exit 0 and that nothing changed", code, out)
		}
	})
}

func TestUserEnableMistakesGetADutchMessage(t *testing.T) {
	db := storetest.SQLite(t)
	for _, c := range []struct {
		rule string
		args []string
		exit int
		want string
	}{
		{"unknown account", []string{"user", "enable", "--db", db.DSN, "--email", "niemand@example.nl"}, 1, `er is geen account met e-mailadres "niemand@example.nl"`},
		{"missing e-mail", []string{"user", "enable", "--db", db.DSN}, 2, "--email is verplicht"},
	} {
		t.Run(c.rule, func(t *testing.T) {
			code, _, errs := run(c.args...)
			if code != c.exit || !strings.Contains(errs, c.want) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, errs, c.exit, c.want)
			}
		})
	}
}

func TestUserHelpListsEnable(t *testing.T) {
	code, out, _ := run("user", "help")
	if code != 0 || !strings.Contains(out, "enable   --email ADRES") {
		t.Fatalf("user help: exit %d, %q; want the enable command listed", code, out)
	}
	_, top, _ := run("help")
	if !strings.Contains(top, "user add|passwd|role|disable|enable") {
		t.Errorf("weerbaar help does not mention user enable:\n%s", top)
	}
}
