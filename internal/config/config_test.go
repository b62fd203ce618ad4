package config_test

import (
	"errors"
	"flag"
	"io"
	"testing"
	"time"

	"weerbaar/internal/config"
)

func TestServeDefaultsStartOnLoopbackWithSQLite(t *testing.T) {
	t.Setenv("WEERBAAR_ADDR", "")
	t.Setenv("WEERBAAR_DB", "")
	c, err := config.ParseServe(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:8080" || c.DB != config.DefaultDB || c.LogFormat != "text" || c.ShutdownTimeout != 20*time.Second {
		t.Fatalf("defaults: %+v", c)
	}
}

func TestEnvironmentSetsDefaultsAndFlagsWin(t *testing.T) {
	t.Setenv("WEERBAAR_DB", "postgres://weerbaar@127.0.0.1/weerbaar")
	t.Setenv("WEERBAAR_ADDR", "127.0.0.1:9000")
	c, err := config.ParseServe([]string{"--addr", "127.0.0.1:9100"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.DB != "postgres://weerbaar@127.0.0.1/weerbaar" || c.Addr != "127.0.0.1:9100" {
		t.Fatalf("got db %q addr %q", c.DB, c.Addr)
	}
}

// A bad WEERBAAR_DB is not a flag the parser sees; Validate still refuses it.
func TestBadDatabaseFromTheEnvironmentIsRefused(t *testing.T) {
	t.Setenv("WEERBAAR_DB", "mysql://x")
	_, err := config.ParseServe(nil, io.Discard)
	var bad *config.UsageError
	if !errors.As(err, &bad) {
		t.Fatalf("err %v, want a UsageError", err)
	}
}

func TestHelpIsNotAMistake(t *testing.T) {
	_, err := config.ParseServe([]string{"-h"}, io.Discard)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("err %v, want flag.ErrHelp", err)
	}
}
