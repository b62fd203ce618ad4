// Package config reads Weerbaar's flags and environment once, validates
// them and hands the result down as a value.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"strings"
	"time"
)

// Config is everything `weerbaar serve` needs to start.
type Config struct {
	Addr string // listen address, default 127.0.0.1:8080
	DB   string // sqlite:path or postgres:// URL
	Demo bool   // load demo data and allow the built-in demo master key
	// MasterKeyFile or the environment variable WEERBAAR_MASTER_KEY holds
	// the key that wraps every data key (see internal/vault).
	MasterKeyFile string
	// BaseURL is the address people use, for links in e-mail (invitations).
	BaseURL string
	// SMTP, when set (host:port), sends e-mail from MailFrom.
	SMTP     string
	MailFrom string
	// TrustedProxies are the reverse proxies (CIDR ranges) whose
	// X-Forwarded-For header names the client. Rate limits count per client,
	// so behind a proxy they need the client's address, not the proxy's.
	TrustedProxies []netip.Prefix
	// ShutdownTimeout is how long requests in flight may take to finish.
	ShutdownTimeout time.Duration
	LogFormat       string // "text" or "json"
}

// DefaultDB is the database used when --db is not given.
const DefaultDB = "sqlite:weerbaar.db"

// DBFlag registers the --db flag shared by every subcommand.
// A value in the wrong form is refused while parsing, for every command.
func DBFlag(fs *flag.FlagSet, dst *string) {
	*dst = envOr("WEERBAAR_DB", DefaultDB)
	fs.Var((*dbValue)(dst), "db", "database: sqlite:pad/bestand.db of postgres://gebruiker@host/naam (WEERBAAR_DB)")
}

// dbValue is a --db value, checked when set.
type dbValue string

func (v *dbValue) String() string {
	if v == nil {
		return ""
	}
	return string(*v)
}

func (v *dbValue) Set(s string) error {
	if err := checkDB(s); err != nil {
		return err
	}
	*v = dbValue(s)
	return nil
}

// checkDB accepts the two database address forms store.Open understands.
func checkDB(dsn string) error {
	path, isSQLite := strings.CutPrefix(dsn, "sqlite:")
	switch {
	case isSQLite && strings.TrimSpace(path) != "":
		return nil
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return nil
	}
	return errors.New("gebruik sqlite:pad/bestand.db of postgres://gebruiker@host/naam")
}

// ParseServe parses the flags of `weerbaar serve`. A mistake in them is a
// *UsageError that nothing has printed yet; -h prints the options and
// returns flag.ErrHelp.
func ParseServe(args []string, stderr io.Writer) (Config, error) {
	fs := flag.NewFlagSet("weerbaar serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c Config
	fs.StringVar(&c.Addr, "addr", envOr("WEERBAAR_ADDR", "127.0.0.1:8080"), "luisteradres (WEERBAAR_ADDR)")
	DBFlag(fs, &c.DB)
	fs.BoolVar(&c.Demo, "demo", false, "start met demogegevens en demo-inlogs (alleen om uit te proberen)")
	fs.StringVar(&c.MasterKeyFile, "master-key-file", os.Getenv("WEERBAAR_MASTER_KEY_FILE"), "bestand met de hoofdsleutel (of zet WEERBAAR_MASTER_KEY)")
	fs.StringVar(&c.BaseURL, "base-url", os.Getenv("WEERBAAR_BASE_URL"), "adres waarop mensen Weerbaar openen, voor links in e-mail")
	fs.StringVar(&c.SMTP, "smtp", os.Getenv("WEERBAAR_SMTP"), "SMTP-server host:poort om e-mail te versturen (leeg: geen e-mail)")
	fs.StringVar(&c.MailFrom, "mail-from", envOr("WEERBAAR_MAIL_FROM", "weerbaar@localhost"), "afzender van e-mail")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", 20*time.Second, "hoe lang lopende verzoeken mogen afronden bij stoppen")
	fs.StringVar(&c.LogFormat, "log", envOr("WEERBAAR_LOG", "text"), "logformaat: text of json")
	c.TrustedProxies, _ = ParsePrefixes(os.Getenv("WEERBAAR_TRUSTED_PROXIES"))
	fs.Func("trusted-proxies", "reverse proxies (CIDR, met komma's) waarvan X-Forwarded-For het adres van de bezoeker geeft (WEERBAAR_TRUSTED_PROXIES)", func(s string) error {
		p, err := ParsePrefixes(s)
		c.TrustedProxies = p
		return err
	})
	if err := ParseFlags(fs, args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, Usagef("onverwacht argument %q", fs.Arg(0))
	}
	if err := c.Validate(); err != nil {
		return c, &UsageError{Err: err}
	}
	return c, nil
}

// Validate checks the values a person can get wrong and says how to fix them.
func (c Config) Validate() error {
	var errs []error
	if _, port, err := net.SplitHostPort(c.Addr); err != nil || port == "" {
		errs = append(errs, fmt.Errorf("--addr %q: gebruik host:poort, bijvoorbeeld 127.0.0.1:8080", c.Addr))
	}
	if err := checkDB(c.DB); err != nil {
		errs = append(errs, fmt.Errorf("--db %q: %w", c.DB, err))
	}
	if c.SMTP != "" {
		if _, _, err := net.SplitHostPort(c.SMTP); err != nil {
			errs = append(errs, fmt.Errorf("--smtp %q: gebruik host:poort", c.SMTP))
		}
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("--log %q: kies text of json", c.LogFormat))
	}
	if c.ShutdownTimeout <= 0 {
		errs = append(errs, errors.New("--shutdown-timeout moet groter dan 0 zijn"))
	}
	return errors.Join(errs...)
}

// ParsePrefixes reads a comma-separated list of CIDR ranges or single
// addresses, e.g. "10.0.0.0/8, 192.0.2.7".
func ParsePrefixes(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, fmt.Errorf("%q is geen IP-adres of CIDR-bereik", f)
			}
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, fmt.Errorf("%q is geen CIDR-bereik (bijvoorbeeld 10.0.0.0/8)", f)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
