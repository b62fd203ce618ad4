package app

import (
	"context"
	"fmt"
	"io"
	"runtime"
)

func cmdVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if err := parse(flagSet("version", stderr), args, false); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "weerbaar %s (%s)\n", Version, runtime.Version())
	return nil
}
