package app

import (
	"context"
	"fmt"
	"io"
	"os"

	"weerbaar/internal/auth"
)

func userAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newUserFlags("add", stderr, "name", "role", "password")
	if err := f.parse(args, "email", "name", "role"); err != nil {
		return err
	}
	e, err := openUserEnv(ctx, f.db)
	if err != nil {
		return err
	}
	defer e.db.Close()
	role, org, err := e.roleAndOrg(ctx, f)
	if err != nil {
		return err
	}
	pw, generated, err := password(os.Stdin, f.passwordStdin)
	if err != nil {
		return err
	}
	a, err := e.auth.CreateAccount(ctx, nil, auth.NewAccount{Email: f.email, Name: f.name, Role: role, OrgID: org, Password: pw})
	if err != nil {
		return e.explain(err)
	}
	where := "landelijk"
	if a.OrgCode != "" {
		where = a.OrgCode + " " + a.OrgName
	}
	fmt.Fprintf(stdout, "Account aangemaakt: %s, %s (%s)\n", a.Email, a.Role, where)
	if generated {
		printPassword(stdout, pw)
	}
	if a.Role.NeedsSecondFactor() {
		fmt.Fprintln(stdout, "Bij de eerste keer inloggen stelt deze persoon de tweede factor (authenticator-app) in.")
	}
	return nil
}

func userPasswd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newUserFlags("passwd", stderr, "password")
	if err := f.parse(args, "email"); err != nil {
		return err
	}
	e, err := openUserEnv(ctx, f.db)
	if err != nil {
		return err
	}
	defer e.db.Close()
	a, err := e.account(ctx, f.email)
	if err != nil {
		return err
	}
	pw, generated, err := password(os.Stdin, f.passwordStdin)
	if err != nil {
		return err
	}
	if err := e.auth.SetPassword(ctx, nil, a.ID, pw); err != nil {
		return e.explain(err)
	}
	fmt.Fprintf(stdout, "Wachtwoord gewijzigd voor %s; alle sessies van dit account zijn beëindigd.\n", a.Email)
	if generated {
		printPassword(stdout, pw)
	}
	return nil
}

func userRole(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newUserFlags("role", stderr, "role")
	if err := f.parse(args, "email", "role"); err != nil {
		return err
	}
	e, err := openUserEnv(ctx, f.db)
	if err != nil {
		return err
	}
	defer e.db.Close()
	role, org, err := e.roleAndOrg(ctx, f)
	if err != nil {
		return err
	}
	a, err := e.account(ctx, f.email)
	if err != nil {
		return err
	}
	if err := e.auth.SetRole(ctx, nil, a.ID, role, org); err != nil {
		return e.explain(err)
	}
	fmt.Fprintf(stdout, "Rol van %s is nu %s; alle sessies van dit account zijn beëindigd.\n", a.Email, role)
	return nil
}

func userDisable(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return onAccount(ctx, "disable", args, stderr, func(e *userEnv, a auth.Account) error {
		if err := e.auth.Disable(ctx, nil, a.ID); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Account %s is uitgeschakeld; sessies en API-tokens werken niet meer.\n", a.Email)
		return nil
	})
}

func userEnable(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return onAccount(ctx, "enable", args, stderr, func(e *userEnv, a auth.Account) error {
		if !a.Disabled {
			fmt.Fprintf(stdout, "Account %s is niet uitgeschakeld; er is niets veranderd.\n", a.Email)
			return nil
		}
		if err := e.auth.Enable(ctx, nil, a.ID); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Account %s is weer ingeschakeld; de persoon kan opnieuw inloggen (oude API-tokens blijven ingetrokken).\n", a.Email)
		return nil
	})
}

// onAccount runs a subcommand that takes only --email (and --db): it
// parses the flags, opens the database and finds the account for fn.
func onAccount(ctx context.Context, name string, args []string, stderr io.Writer, fn func(e *userEnv, a auth.Account) error) error {
	f := newUserFlags(name, stderr)
	if err := f.parse(args, "email"); err != nil {
		return err
	}
	e, err := openUserEnv(ctx, f.db)
	if err != nil {
		return err
	}
	defer e.db.Close()
	a, err := e.account(ctx, f.email)
	if err != nil {
		return err
	}
	return fn(e, a)
}
