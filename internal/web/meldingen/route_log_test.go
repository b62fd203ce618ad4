package meldingen_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"weerbaar/internal/httpx"
	"weerbaar/internal/store/storetest"
)

// TestAccessLogNamesTheWebPagesRoute: the web layer's middleware copies the
// request, yet the access log outside it names the page's pattern, not "/".
func TestAccessLogNamesTheWebPagesRoute(t *testing.T) {
	e := newReportEnv(t, storetest.SQLite(t))
	var logs bytes.Buffer
	h := httpx.AccessLog(slog.New(slog.NewTextHandler(&logs, nil)))(e.Web)
	for _, tc := range []struct{ path, route string }{
		{"/meldingen", `route="GET /meldingen"`},
		{"/login", `route="GET /login"`},
		{"/meldingen/12/stap/3", `route="GET /meldingen/{id}/stap/{step}"`},
		{"/bestaat-niet", `route=/`},
	} {
		logs.Reset()
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, tc.path, nil))
		if !strings.Contains(logs.String(), tc.route) {
			t.Errorf("GET %s logged %q, want %s", tc.path, logs.String(), tc.route)
		}
	}
}
