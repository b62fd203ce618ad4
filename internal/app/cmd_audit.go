package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/config"
	"weerbaar/internal/store"
)

const auditUsage = `Gebruik: weerbaar audit verify [--db ...] [--anker REGEL:HASH]

verify  controleert de hele hashketen van de audit-log en meldt de eerste
        breuk (gewijzigde, verwijderde of ingevoegde regels). Exitcode 0 als
        de log intact is, 1 bij een breuk.

Het laatste regelnummer en de hash die verify afdrukt kunt u buiten
Weerbaar bewaren (een anker). Wie de hele keten herschrijft, valt daarna op
met --anker REGEL:HASH.
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
	anchor := fs.String("anker", "", "REGEL:HASH die eerder door verify is afgedrukt; de keten moet daar nog dezelfde hash hebben")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	anchorSeq, anchorHash, err := parseAnchor(*anchor)
	if err != nil {
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
	if anchorSeq > 0 {
		if h, err := audit.New(db).HashAt(ctx, anchorSeq); err != nil || h != anchorHash {
			fmt.Fprintf(stdout, "audit-log NIET intact: regel %d heeft niet meer de hash van het anker: de keten is herschreven\n", anchorSeq)
			return errors.New("audit-log is niet intact")
		}
	}
	fmt.Fprintf(stdout, "audit-log intact: %d regels\n", rep.Rows)
	if rep.HeadSeq > 0 {
		fmt.Fprintf(stdout, "anker: %d:%s\n", rep.HeadSeq, rep.HeadHash)
	}
	return nil
}

// parseAnchor reads --anker REGEL:HASH; empty means no anchor.
func parseAnchor(s string) (int64, string, error) {
	if s == "" {
		return 0, "", nil
	}
	num, hash, ok := strings.Cut(s, ":")
	seq, err := strconv.ParseInt(num, 10, 64)
	if !ok || err != nil || seq < 1 || len(hash) != 64 {
		return 0, "", config.Usagef("--anker %q: gebruik REGEL:HASH zoals verify die afdrukt", s)
	}
	return seq, strings.ToLower(hash), nil
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
