package app

import (
	"context"
	"errors"
	"fmt"
	"io"

	"weerbaar/internal/config"
	"weerbaar/internal/demo"
)

// cmdDemo loads the demo accounts and records into an empty database.
func cmdDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("demo", stderr)
	cfg := config.Config{Demo: true, LogFormat: "text"}
	config.DBFlag(fs, &cfg.DB)
	fs.StringVar(&cfg.MasterKeyFile, "master-key-file", "", "bestand met de hoofdsleutel (leeg: een demosleutel naast de database)")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	a, err := New(ctx, cfg, newLogger("text", stderr))
	if err != nil {
		return err
	}
	defer a.Close()
	logins, err := a.loadDemo(ctx)
	if err != nil {
		return err
	}
	printLogins(stdout, logins)
	return nil
}

// loadDemo loads the demo data through the services.
func (a *App) loadDemo(ctx context.Context) ([]demo.Login, error) {
	return demo.Load(ctx, demo.Deps{DB: a.DB, Auth: a.Auth, Orgs: a.Orgs, Incidents: a.Incidents, Scans: a.Scans})
}

// startDemo loads demo data when the database is still empty, and prints
// the logins either way, so `serve --demo` can be run again and again.
func (a *App) startDemo(ctx context.Context, stdout io.Writer) error {
	logins, err := a.loadDemo(ctx)
	if errors.Is(err, demo.ErrNotEmpty) {
		logins, err = demo.Logins(), nil
	}
	if err != nil {
		return err
	}
	printLogins(stdout, logins)
	return nil
}

func printLogins(w io.Writer, logins []demo.Login) {
	fmt.Fprintf(w, "\nDemo-inlogs (wachtwoord voor allemaal: %s):\n", demo.Password)
	for _, l := range logins {
		org := l.Org
		if org == "" {
			org = "landelijk"
		}
		fmt.Fprintf(w, "  %-42s %-18s %s", l.Email, l.Role, org)
		if l.Note != "" {
			fmt.Fprintf(w, " (%s)", l.Note)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}
