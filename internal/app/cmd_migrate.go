package app

import (
	"context"
	"fmt"
	"io"

	"weerbaar/internal/config"
	"weerbaar/internal/store"
)

func cmdMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flagSet("migrate", stderr)
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
	n, err := db.Migrate(ctx)
	if err != nil {
		return err
	}
	v, _ := db.SchemaVersion(ctx)
	fmt.Fprintf(stdout, "%d migratie(s) toegepast; schemaversie %d (%s)\n", n, v, db.DSN)
	return nil
}
