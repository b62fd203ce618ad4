// Command weerbaar runs the Weerbaar platform and its administration
// commands. See `weerbaar help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"weerbaar/internal/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := app.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
