package meldingen_test

import (
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/webtest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// env is the web test environment, with this package's own helpers.
type env struct{ *webtest.Env }

func newEnv(t testing.TB, db *store.DB, tls bool, opts ...webtest.Option) *env {
	return &env{webtest.New(t, db, tls, opts...)}
}
