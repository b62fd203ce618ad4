// Package app wires Weerbaar together: configuration, store, domain
// services, the web and API layers and the HTTP server, and dispatches the
// command-line subcommands.
package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"weerbaar/internal/config"
)

// Version is set at build time with -ldflags "-X weerbaar/internal/app.Version=…".
var Version = "dev"

// command is one subcommand of the weerbaar binary.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands lists every subcommand. Each lives in its own cmd_*.go file.
func commands() map[string]command {
	return map[string]command{
		"serve":   {"start de webserver", cmdServe},
		"migrate": {"werk het databaseschema bij", cmdMigrate},
		"demo":    {"laad demo-accounts en -meldingen in een lege database", cmdDemo},
		"version": {"toon de versie", cmdVersion},
		"audit":   {"controleer de audit-log (audit verify)", cmdAudit},
		"keys":    {"hoofdsleutels maken en wisselen (keys generate|rotate)", cmdKeys},
		"user":    {"accounts beheren (user add|passwd|role|disable|enable)", cmdUser},
	}
}

// errUsage marks an error already explained to the user (exit status 2).
var errUsage = errors.New("usage")

// Run runs the subcommand in args and returns the process exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout, cmds)
		return 0
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "weerbaar: onbekend commando %q\n\n", args[0])
		usage(stderr, cmds)
		return 2
	}
	if err := cmd.run(ctx, args[1:], stdout, stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		var bad *config.UsageError
		switch {
		case errors.As(err, &bad):
			fmt.Fprintf(stderr, "weerbaar %s: %v\n'weerbaar %s -h' toont de opties.\n", args[0], err, args[0])
			return 2
		case errors.Is(err, errUsage):
			return 2
		}
		fmt.Fprintf(stderr, "weerbaar %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "Gebruik: weerbaar <commando> [opties]\n\nCommando's:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\n'weerbaar <commando> -h' toont de opties van een commando.")
}

// flagSet returns a flag set that reports errors on stderr.
func flagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("weerbaar "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses fs and refuses positional arguments unless allowed. Mistakes
// come back as *config.UsageError, printed once by Run (exit status 2).
func parse(fs *flag.FlagSet, args []string, positional bool) error {
	if err := config.ParseFlags(fs, args); err != nil {
		return err
	}
	if !positional && fs.NArg() > 0 {
		return config.Usagef("onverwacht argument %q", strings.Join(fs.Args(), " "))
	}
	return nil
}
