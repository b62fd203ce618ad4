package app

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/config"
	"weerbaar/internal/i18n"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

const userUsage = `Gebruik: weerbaar user <commando> [opties]

Commando's:
  add      --email ADRES --name NAAM --role ROL [--org CODE] [--password-stdin]
           maak een account
  passwd   --email ADRES [--password-stdin]
           zet een nieuw wachtwoord; alle sessies van het account eindigen
  role     --email ADRES --role ROL [--org CODE]
           geef een andere rol of organisatie; alle sessies eindigen
  disable  --email ADRES
           schakel een account uit; sessies en API-tokens werken niet meer
  enable   --email ADRES
           schakel een uitgeschakeld account weer in; de persoon logt opnieuw in

Elk commando neemt ook --db (of WEERBAAR_DB).
Rollen: ambtsdrager (ook: medewerker), coordinator, ondersteuningsteam,
netwerkpartner, secretariaat, beheerder. Ambtsdragers en coördinatoren horen
bij een organisatie (--org GM0344), een netwerkpartner bij een partner
(--org NVvR); de landelijke rollen bij geen.
Zonder --password-stdin maakt Weerbaar een sterk wachtwoord en toont het één
keer; met --password-stdin leest het de eerste regel van de invoer.
`

func cmdUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	sub := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"add": userAdd, "passwd": userPasswd, "role": userRole, "disable": userDisable,
		"enable": userEnable,
	}
	switch {
	case len(args) > 0 && isHelp(args[0]):
		fmt.Fprint(stdout, userUsage)
		return nil
	case len(args) == 0:
		fmt.Fprint(stderr, "weerbaar user: geef een commando\n\n"+userUsage)
		return errUsage
	}
	run, ok := sub[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "weerbaar user: onbekend commando %q\n\n%s", args[0], userUsage)
		return errUsage
	}
	return run(ctx, args[1:], stdout, stderr)
}

// userFlags are the options the user commands share.
type userFlags struct {
	fs            *flag.FlagSet
	db            string
	email, name   string
	role, org     string
	passwordStdin bool
}

func newUserFlags(name string, stderr io.Writer, with ...string) *userFlags {
	f := &userFlags{fs: flagSet("user "+name, stderr)}
	config.DBFlag(f.fs, &f.db)
	f.fs.StringVar(&f.email, "email", "", "e-mailadres van het account")
	for _, w := range with {
		switch w {
		case "name":
			f.fs.StringVar(&f.name, "name", "", "naam of functie, bijvoorbeeld \"Griffier Utrecht\"")
		case "role":
			f.fs.StringVar(&f.role, "role", "", "rol: ambtsdrager, coordinator, ondersteuningsteam, netwerkpartner, secretariaat, beheerder")
			f.fs.StringVar(&f.org, "org", "", "code van de organisatie, bijvoorbeeld GM0344 (Utrecht) of NVvR")
		case "password":
			f.fs.BoolVar(&f.passwordStdin, "password-stdin", false, "lees het wachtwoord van de invoer in plaats van er een te maken")
		}
	}
	return f
}

// parse parses and checks that every named option has a value.
func (f *userFlags) parse(args []string, required ...string) error {
	if err := parse(f.fs, args, false); err != nil {
		return err
	}
	for _, name := range required {
		if strings.TrimSpace(f.fs.Lookup(name).Value.String()) == "" {
			return config.Usagef("--%s is verplicht", name)
		}
	}
	return nil
}

// userEnv is what the user commands work with.
type userEnv struct {
	db   *store.DB
	auth *auth.Service
	cat  *i18n.Catalog
}

func openUserEnv(ctx context.Context, dsn string) (*userEnv, error) {
	cat, err := i18n.Load()
	if err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migratie: %w", err)
	}
	// No vault: these commands never touch a second factor.
	return &userEnv{db: db, auth: auth.NewService(db, audit.New(db), auth.Options{}), cat: cat}, nil
}

// roleAndOrg reads --role and --org; a wrong value is a usage mistake.
func (e *userEnv) roleAndOrg(ctx context.Context, f *userFlags) (auth.Role, int64, error) {
	role, ok := auth.ParseRole(f.role)
	if !ok {
		return "", 0, config.Usagef("onbekende rol %q: kies ambtsdrager, coordinator, ondersteuningsteam, netwerkpartner, secretariaat of beheerder", f.role)
	}
	code := strings.TrimSpace(f.org)
	if code == "" {
		return role, 0, nil
	}
	var id int64
	err := e.db.QueryRowContext(ctx, `SELECT id FROM organisations WHERE UPPER(code) = UPPER($1)`, code).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, config.Usagef("onbekende organisatie %q: gebruik de code, bijvoorbeeld GM0344 (gemeente Utrecht), PV26 (provincie Utrecht) of NVvR", code)
	}
	return role, id, err
}

// account finds the account of --email, in words a person understands.
func (e *userEnv) account(ctx context.Context, email string) (auth.Account, error) {
	a, err := e.auth.FindAccountByEmail(ctx, nil, email)
	if errors.Is(err, auth.ErrNotFound) {
		return a, fmt.Errorf("er is geen account met e-mailadres %q", email)
	}
	return a, err
}

// password reads the first line of stdin, or makes a strong password.
func password(stdin io.Reader, fromStdin bool) (pw string, generated bool, err error) {
	if !fromStdin {
		return rand.Text(), true, nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, fmt.Errorf("wachtwoord lezen: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", false, errors.New("geen wachtwoord op de invoer (--password-stdin leest de eerste regel)")
	}
	return line, false, nil
}

// explain turns validation problems into Dutch lines naming the option.
func (e *userEnv) explain(err error) error {
	v, ok := valid.As(err)
	if !ok {
		return err
	}
	option := map[string]string{"email": "--email", "name": "--name", "role": "--role", "org": "--org", "password": "wachtwoord"}
	lines := make([]string, len(v.Problems))
	for i, p := range v.Problems {
		lines[i] = option[p.Field] + ": " + e.cat.T("nl", "valid."+p.Code, p.Args...)
	}
	return errors.New(strings.Join(lines, "\n"))
}

func printPassword(w io.Writer, pw string) {
	fmt.Fprintf(w, "Wachtwoord (wordt maar één keer getoond; geef het veilig door): %s\n", pw)
}
