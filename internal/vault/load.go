package vault

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"strings"
	"time"

	"weerbaar/internal/config"
)

// EnvMasterKey is the environment variable that may hold the keyring.
const EnvMasterKey = "WEERBAAR_MASTER_KEY"

// ErrNoMasterKey is returned outside demo mode when no keyring is given.
var ErrNoMasterKey = errors.New("geen hoofdsleutel: maak er een met `weerbaar keys generate > weerbaar.key` " +
	"(chmod 600) en start met --master-key-file weerbaar.key of zet " + EnvMasterKey +
	" (alleen om uit te proberen: --demo)")

// LoadKeyring reads the master keys from cfg.MasterKeyFile or the
// environment variable WEERBAAR_MASTER_KEY. Without either it refuses,
// except in demo mode: then it makes a key file beside the SQLite database
// (path + ".key", mode 0600; for PostgreSQL weerbaar-demo.key in the
// working directory) once, reuses it afterwards, and warns.
func LoadKeyring(cfg config.Config, log *slog.Logger) (*Keyring, error) {
	env := os.Getenv(EnvMasterKey)
	switch {
	case cfg.MasterKeyFile != "" && env != "":
		return nil, fmt.Errorf("zowel --master-key-file als %s is gezet: kies er één", EnvMasterKey)
	case cfg.MasterKeyFile != "":
		return loadKeyFile(cfg.MasterKeyFile, log)
	case env != "":
		k, err := ParseKeyring(env, true)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", EnvMasterKey, err)
		}
		return k, nil
	case cfg.Demo:
		return demoKeyring(cfg.DB, log)
	default:
		return nil, ErrNoMasterKey
	}
}

func loadKeyFile(path string, log *slog.Logger) (*Keyring, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("hoofdsleutelbestand: %w", err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		log.Warn("hoofdsleutelbestand is leesbaar voor anderen; maak het alleen voor de eigenaar leesbaar",
			"bestand", path, "rechten", info.Mode().Perm().String(), "oplossing", "chmod 600 "+path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("hoofdsleutelbestand: %w", err)
	}
	k, err := ParseKeyring(string(b), false)
	if err != nil {
		return nil, fmt.Errorf("hoofdsleutelbestand %s: %w", path, err)
	}
	return k, nil
}

// DemoKeyPath is where demo mode keeps its generated key for database dsn.
func DemoKeyPath(dsn string) string {
	if path, ok := strings.CutPrefix(dsn, "sqlite:"); ok {
		return path + ".key"
	}
	return "weerbaar-demo.key"
}

func demoKeyring(dsn string, log *slog.Logger) (*Keyring, error) {
	path := DemoKeyPath(dsn)
	line, err := GenerateKeyLine(time.Now())
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case errors.Is(err, fs.ErrExist):
	case err != nil:
		return nil, fmt.Errorf("demo-hoofdsleutel %s: %w", path, err)
	default:
		_, werr := f.WriteString("# Weerbaar demo master key; not for real data.\n" + line + "\n")
		if cerr := f.Close(); werr != nil || cerr != nil {
			return nil, fmt.Errorf("demo-hoofdsleutel %s: %w", path, errors.Join(werr, cerr))
		}
	}
	log.Warn("demomodus: hoofdsleutel uit een bestand naast de database; niet voor echte gegevens",
		"bestand", path, "zonder --demo", "--master-key-file "+path)
	return loadKeyFile(path, log)
}
