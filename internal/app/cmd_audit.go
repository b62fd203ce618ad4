package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/config"
	"weerbaar/internal/store"
)

const auditUsage = `Gebruik: weerbaar audit verify [--db ...]

verify  controleert de hele hashketen van de audit-log en meldt de eerste
        breuk (gewijzigde, verwijderde of ingevoegde regels). Exitcode 0 als
        de log intact is, 1 bij een breuk.
`

func cmdAudit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	switch {
	case len(args) > 0 && isHelp(args[0]):
		fmt.Fprint(stdout, auditUsage)
		return nil
	case len(args) > 0 && args[0] == "verify":
		return auditVerify(ctx, args[1:], stdout, stderr)
	case len(args) == 0:
		fmt.Fprint(stderr, "weerbaar audit: geef een commando\n\n"+auditUsage)
	default:
		fmt.Fprintf(stderr, "weerbaar audit: onbekend commando %q\n\n%s", args[0], auditUsage)
	}
	return errUsage
}

func isHelp(arg string) bool { return arg == "-h" || arg == "--help" || arg == "help" }

func auditVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("audit verify", stderr)
	var dsn string
	config.DBFlag(fs, &dsn)
	if err := parse(fs, args, false); err != nil {
		return err
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := audit.New(db).Verify(ctx)
	switch {
	case errors.Is(err, audit.ErrBroken):
		b := rep.Broken
		fmt.Fprintf(stdout, "audit-log NIET intact: eerste breuk bij regel %d (%s): %s\n%d regels gecontroleerd\n",
			b.Seq, brokenTime(b.At), problemText(b.Problem), rep.Rows)
		return errors.New("audit-log is niet intact")
	case err != nil:
		return err
	}
	fmt.Fprintf(stdout, "audit-log intact: %d regels\n", rep.Rows)
	if rep.HeadSeq > 0 {
		fmt.Fprintf(stdout, "laatste regel %d, hash %s\n", rep.HeadSeq, rep.HeadHash)
	}
	return nil
}

func brokenTime(at time.Time) string {
	if at.IsZero() {
		return "tijd onbekend"
	}
	return at.UTC().Format("2006-01-02 15:04:05 UTC")
}

func problemText(p audit.Problem) string {
	switch p {
	case audit.HashMismatch:
		return "de inhoud past niet bij de hash: de regel is gewijzigd"
	case audit.MissingRow:
		return "de regel ontbreekt: verwijderd"
	case audit.PrevHashMismatch:
		return "de regel verwijst niet naar de hash van de regel ervoor: vervangen of opnieuw gehasht"
	case audit.HeadMismatch:
		return "het einde van de keten klopt niet: nieuwste regels verwijderd of buiten Weerbaar om toegevoegd"
	}
	return string(p)
}
