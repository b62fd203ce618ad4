package app_test

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"weerbaar/internal/app"
	"weerbaar/internal/config"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// syncBuffer is a log sink handlers on several goroutines can share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newApp builds an App on db the way New does, without opening a database.
func newApp(db *store.DB) (*app.App, *syncBuffer) {
	logs := &syncBuffer{}
	return &app.App{Config: config.Config{}, Log: slog.New(slog.NewJSONHandler(logs, nil)), DB: db}, logs
}

func get(h http.Handler, target string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("GET", target, nil)
	r.RemoteAddr = "203.0.113.99:40000"
	r.Header.Set("User-Agent", "MelderBrowser/9")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestReadyzAnswers503OnceTheDatabaseIsClosed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(db)
		h := a.Handler()
		if w := get(h, "/readyz"); w.Code != http.StatusOK {
			t.Fatalf("readyz with an open database: %d", w.Code)
		}
		db.Close()
		if w := get(h, "/readyz"); w.Code != http.StatusServiceUnavailable {
			t.Fatalf("readyz with a closed database: %d, want 503", w.Code)
		}
		if w := get(h, "/healthz"); w.Code != http.StatusOK || w.Body.String() != "ok\n" {
			t.Fatalf("healthz must not depend on the database: %d %q", w.Code, w.Body.String())
		}
	})
}

func TestMetricsShowRequestsDatabasePoolAndRuntime(t *testing.T) {
	a, _ := newApp(storetest.SQLite(t))
	h := a.Handler()
	get(h, "/readyz")
	get(h, "/healthz")
	get(h, "/geen-pagina/123")
	body := get(h, "/metrics").Body.String()
	for _, want := range []string{
		`weerbaar_http_requests_total{code="200",method="GET",route="GET /readyz"} 1`,
		`weerbaar_http_requests_total{code="404",method="GET",route="unmatched"} 1`,
		`weerbaar_http_request_duration_seconds_bucket{code="200",method="GET",route="GET /healthz",le="0.005"}`,
		`weerbaar_http_requests_in_flight 1`, // the scrape itself
		`go_sql_max_open_connections{db_name="sqlite"} 8`,
		`go_sql_open_connections{db_name="sqlite"}`,
		`go_goroutines `,
		`go_memstats_heap_inuse_bytes `,
		`weerbaar_build_info{database="sqlite"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(body, "geen-pagina") || strings.Contains(body, "203.0.113.99") {
		t.Error("/metrics holds a raw path or a client address")
	}
}

// Each App has its own registry: two in one process do not collide.
func TestTwoAppsKeepSeparateMetrics(t *testing.T) {
	a1, _ := newApp(storetest.SQLite(t))
	a2, _ := newApp(storetest.SQLite(t))
	h1, h2 := a1.Handler(), a2.Handler()
	get(h1, "/healthz")
	if strings.Contains(get(h2, "/metrics").Body.String(), `route="GET /healthz"`) {
		t.Fatal("second app counts the first app's requests")
	}
}

// Anonymous reporting must leave no trace: the request log names the route,
// never the client address, user agent or path.
func TestRequestLogLeavesNoTraceOfTheClient(t *testing.T) {
	a, logs := newApp(storetest.SQLite(t))
	a.Web = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "pagina") })
	get(a.Handler(), "/melding/volg/ONTVANGSTCODE-123?code=geheim")
	line := logs.String()
	if !strings.Contains(line, `"route":"/"`) || !strings.Contains(line, `"status":200`) || !strings.Contains(line, `"method":"GET"`) {
		t.Fatalf("request not logged with method, route and status: %s", line)
	}
	for _, trace := range []string{"203.0.113.99", "MelderBrowser", "ONTVANGSTCODE", "geheim"} {
		if strings.Contains(line, trace) {
			t.Errorf("log holds %q: %s", trace, line)
		}
	}
}

func TestAPanicAnswers500AndTheServerKeepsServing(t *testing.T) {
	a, logs := newApp(storetest.SQLite(t))
	a.Web = http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("kapot: interne toestand") })
	h := a.Handler()
	w := get(h, "/iets")
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "kapot") || strings.Contains(w.Body.String(), "goroutine") {
		t.Fatalf("panic answer: %d %q", w.Code, w.Body.String())
	}
	if !strings.Contains(logs.String(), "kapot: interne toestand") {
		t.Fatalf("panic not logged: %s", logs.String())
	}
	if w := get(h, "/healthz"); w.Code != http.StatusOK {
		t.Fatalf("after a panic healthz answers %d", w.Code)
	}
	if !strings.Contains(get(h, "/metrics").Body.String(), `weerbaar_http_requests_total{code="500",method="GET",route="/"} 1`) {
		t.Fatal("the 500 is not counted")
	}
}

func TestAPIAndWebSlotsGetTheirPathsAndProbesStayOurs(t *testing.T) {
	a, _ := newApp(storetest.SQLite(t))
	a.API = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "api") })
	a.Web = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "web") })
	h := a.Handler()
	for target, want := range map[string]string{
		"/api/v1/meldingen": "api", "/api/v1": "api", "/api/v1//mij": "api", "/": "web", "/meldingen/1": "web", "/healthz": "ok\n",
	} {
		if got := get(h, target).Body.String(); got != want {
			t.Errorf("%s answered %q, want %q", target, got, want)
		}
	}
}
