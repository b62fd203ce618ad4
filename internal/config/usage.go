package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// UsageError is a mistake on the command line: an unknown flag, a missing
// or bad value, an unexpected argument. The command prints it once, with a
// pointer to -h, and exits with status 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef returns a UsageError with a formatted message.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// ParseFlags parses args into fs without letting the flag package print
// its own error (which the caller would then print a second time). On -h it
// prints the options and returns flag.ErrHelp; on any other problem it
// returns a *UsageError in Dutch.
func ParseFlags(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(out)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		printOptions(fs)
		return err
	default:
		return &UsageError{Err: errors.New(translateFlagError(err.Error()))}
	}
}

func printOptions(fs *flag.FlagSet) {
	fmt.Fprintf(fs.Output(), "Gebruik: %s [opties]\n\nOpties:\n", fs.Name())
	fs.PrintDefaults()
}

// translateFlagError turns the flag package's English messages into Dutch;
// anything it does not recognise passes unchanged.
func translateFlagError(msg string) string {
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "onbekende optie " + name
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "optie " + name + " heeft een waarde nodig"
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return "onjuiste optie " + arg
	}
	// invalid value "x" for flag -name: reason / invalid boolean value "x" for -name: reason
	for _, prefix := range []string{"invalid value ", "invalid boolean value "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			value, flagPart, found := strings.Cut(rest, " for ")
			if !found {
				break
			}
			name, reason, _ := strings.Cut(strings.TrimPrefix(flagPart, "flag "), ": ")
			return fmt.Sprintf("ongeldige waarde %s voor %s: %s", value, name, translateReason(reason))
		}
	}
	return msg
}

// translateReason translates the reasons of the flag package's own value
// types; the reasons of Weerbaar's flag values are Dutch already.
func translateReason(reason string) string {
	switch reason {
	case "parse error":
		return "niet te lezen (voorbeelden: 30s, 2m, true, 8080)"
	case "value out of range":
		return "buiten het toegestane bereik"
	}
	return reason
}
