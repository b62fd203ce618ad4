package app

import (
	"context"
	"fmt"
	"io"
	"time"

	"weerbaar/internal/config"
	"weerbaar/internal/store"
	"weerbaar/internal/vault"
)

const keysUsage = `Gebruik: weerbaar keys <commando> [opties]

Commando's:
  generate   maak een nieuwe hoofdsleutel en druk de sleutelregel af
  rotate     verpak alle datasleutels opnieuw met de primaire hoofdsleutel
             [--db ...] [--master-key-file bestand]
  status     toon per hoofdsleutel hoeveel datasleutels die nog verpakt
             [--db ...] [--master-key-file bestand]

Het sleutelbestand (--master-key-file, of de omgevingsvariabele
WEERBAAR_MASTER_KEY) heeft één regel id:base64sleutel per hoofdsleutel; de
eerste regel is de primaire, de andere worden alleen nog gebruikt om oudere
datasleutels te openen. Regels met # zijn commentaar.

Eerste sleutel:
  weerbaar keys generate > weerbaar.key && chmod 600 weerbaar.key

Hoofdsleutel wisselen zonder onderbreking:
  1. weerbaar keys generate >> weerbaar.key, op elke server (of zet de regel
     in WEERBAAR_MASTER_KEY): de nieuwe sleutel staat onderaan en verandert
     nog niets.
  2. Zet de nieuwe regel bovenaan, op elke server, en herstart de servers een
     voor een: nieuwe datasleutels worden met de nieuwe sleutel verpakt.
  3. weerbaar keys rotate --db ... --master-key-file weerbaar.key: verpakt alle
     oudere datasleutels opnieuw, in kleine transacties, terwijl de servers
     gewoon doorwerken.
  4. Controleer met weerbaar keys status dat de oude sleutel 0 datasleutels
     verpakt; haal dan de oude regel uit elk sleutelbestand en vernietig de
     oude sleutel. Een server die start zonder een sleutel die nog
     datasleutels verpakt, weigert te starten.
`

func cmdKeys(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	switch {
	case len(args) > 0 && isHelp(args[0]):
		fmt.Fprint(stdout, keysUsage)
		return nil
	case len(args) > 0 && args[0] == "generate":
		return keysGenerate(args[1:], stdout, stderr)
	case len(args) > 0 && args[0] == "rotate":
		return keysRotate(ctx, args[1:], stdout, stderr)
	case len(args) > 0 && args[0] == "status":
		return keysStatus(ctx, args[1:], stdout, stderr)
	case len(args) == 0:
		fmt.Fprint(stderr, "weerbaar keys: geef een commando\n\n"+keysUsage)
	default:
		fmt.Fprintf(stderr, "weerbaar keys: onbekend commando %q\n\n%s", args[0], keysUsage)
	}
	return errUsage
}

func keysGenerate(args []string, stdout, stderr io.Writer) error {
	if err := parse(flagSet("keys generate", stderr), args, false); err != nil {
		return err
	}
	line, err := vault.GenerateKeyLine(time.Now())
	if err != nil {
		return fmt.Errorf("sleutel maken: %w", err)
	}
	fmt.Fprintln(stdout, line)
	return nil
}

// openVault parses --db and --master-key-file for keys subcommand name and
// opens the database and the vault; close closes the database.
func openVault(ctx context.Context, name string, args []string, stderr io.Writer) (v *vault.Vault, close func(), err error) {
	fs := flagSet("keys "+name, stderr)
	var cfg config.Config
	config.DBFlag(fs, &cfg.DB)
	fs.StringVar(&cfg.MasterKeyFile, "master-key-file", "", "bestand met de hoofdsleutels, de primaire bovenaan (of zet WEERBAAR_MASTER_KEY)")
	if err := parse(fs, args, false); err != nil {
		return nil, nil, err
	}
	keys, err := vault.LoadKeyring(cfg, newLogger("text", stderr))
	if err != nil {
		return nil, nil, err
	}
	db, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return nil, nil, err
	}
	return vault.New(db, keys), func() { db.Close() }, nil
}

func keysStatus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	v, closeDB, err := openVault(ctx, "status", args, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	uses, err := v.Status(ctx)
	if err != nil {
		return err
	}
	for _, u := range uses {
		role := "secundair"
		switch {
		case u.Primary:
			role = "primair"
		case !u.InKeyring:
			role = "ONTBREEKT in de sleutelring"
		}
		fmt.Fprintf(stdout, "%-24s %-28s %d datasleutel(s)\n", u.KEK, role, u.DataKeys)
	}
	return v.CheckKeyring(ctx)
}

func keysRotate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	v, closeDB, err := openVault(ctx, "rotate", args, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	progress := func(done, total int) {
		if total > vault.RotateBatch {
			fmt.Fprintf(stderr, "%d/%d opnieuw verpakt\n", done, total)
		}
	}
	n, err := v.RotateWithProgress(ctx, progress)
	if err != nil {
		return fmt.Errorf("na %d datasleutel(s): %w", n, err)
	}
	fmt.Fprintf(stdout, "%d datasleutel(s) opnieuw verpakt met hoofdsleutel %s\n", n, v.Keyring().Primary())
	return nil
}
