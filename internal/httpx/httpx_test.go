package httpx_test

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"weerbaar/internal/httpx"
)

func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /incidents/{id}", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "incident "+r.PathValue("id"))
	})
	mux.HandleFunc("POST /melding/{code}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
	})
	mux.HandleFunc("GET /boom", func(w http.ResponseWriter, r *http.Request) {
		panic("geheim detail uit de database")
	})
	return mux
}

func serve(h http.Handler, method, target string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	r.RemoteAddr = "203.0.113.7:51234"
	r.Header.Set("User-Agent", "Herkenbaar/1.0 (laptop van de melder)")
	r.Header.Set("X-Forwarded-For", "198.51.100.23")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestPanicAnswers500WithoutStackOrDetail(t *testing.T) {
	var logs bytes.Buffer
	h := httpx.Recover(slog.New(slog.NewTextHandler(&logs, nil)))(newMux())
	w := serve(h, "GET", "/boom")
	if w.Code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", w.Code)
	}
	body := w.Body.String()
	for _, leak := range []string{"geheim", "goroutine", ".go:"} {
		if strings.Contains(body, leak) {
			t.Errorf("answer leaks %q: %s", leak, body)
		}
	}
	if !strings.Contains(logs.String(), "geheim detail") || !strings.Contains(logs.String(), "GET /boom") {
		t.Errorf("panic not logged with its route: %s", logs.String())
	}
}

func TestAbortHandlerIsNotTurnedIntoA500(t *testing.T) {
	h := httpx.Recover(slog.New(slog.NewTextHandler(io.Discard, nil)))(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic(http.ErrAbortHandler)
	}))
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Fatalf("recovered %v, want http.ErrAbortHandler to pass through", v)
		}
	}()
	serve(h, "GET", "/")
}

// Anonymous reporting must leave no trace: the request log holds the route
// pattern, never the address, user agent, path values or query.
func TestRequestLogNeverRecordsWhoAsked(t *testing.T) {
	var logs bytes.Buffer
	h := httpx.AccessLog(slog.New(slog.NewJSONHandler(&logs, nil)))(newMux())
	serve(h, "POST", "/melding/ONTVANGSTCODE-7Q2?token=geheimtoken")
	line := logs.String()
	for _, want := range []string{`"method":"POST"`, `"route":"POST /melding/{code}"`, `"status":201`, `"duration":`} {
		if !strings.Contains(line, want) {
			t.Errorf("log lacks %s: %s", want, line)
		}
	}
	for _, trace := range []string{"203.0.113.7", "198.51.100.23", "Herkenbaar", "ONTVANGSTCODE", "geheimtoken"} {
		if strings.Contains(line, trace) {
			t.Errorf("log records %q: %s", trace, line)
		}
	}
}

func TestMetricsCountByRoutePatternAndStatus(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := httpx.NewMetrics(reg)
	h := m.Middleware(httpx.Recover(slog.New(slog.NewTextHandler(io.Discard, nil)))(newMux()))
	serve(h, "GET", "/incidents/1")
	serve(h, "GET", "/incidents/2")
	serve(h, "GET", "/boom")
	serve(h, "GET", "/nergens/"+strings.Repeat("x", 10))
	out := serve(promhttp.HandlerFor(reg, promhttp.HandlerOpts{}), "GET", "/metrics").Body.String()
	for _, want := range []string{
		`weerbaar_http_requests_total{code="200",method="GET",route="GET /incidents/{id}"} 2`,
		`weerbaar_http_requests_total{code="404",method="GET",route="unmatched"} 1`,
		`weerbaar_http_requests_total{code="500",method="GET",route="GET /boom"} 1`,
		`weerbaar_http_request_duration_seconds_count{code="200",method="GET",route="GET /incidents/{id}"} 2`,
		`weerbaar_http_requests_in_flight 0`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(out, "/incidents/1") || strings.Contains(out, "nergens") {
		t.Errorf("metrics hold a raw path:\n%s", out)
	}
}

// The web layer sits behind middleware that copies the request; Routed
// still brings its inner pattern out to the log and metrics.
func TestInnerRoutePatternReachesTheLogThroughCopiedRequests(t *testing.T) {
	inner := http.NewServeMux()
	inner.HandleFunc("GET /meldingen/{id}", func(w http.ResponseWriter, r *http.Request) {})
	copying := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		httpx.Routed(inner).ServeHTTP(w, r.WithContext(r.Context()))
	})
	outer := http.NewServeMux()
	outer.Handle("/", copying)
	var logs bytes.Buffer
	h := httpx.AccessLog(slog.New(slog.NewJSONHandler(&logs, nil)))(outer)
	serve(h, "GET", "/meldingen/42")
	if !strings.Contains(logs.String(), `"route":"GET /meldingen/{id}"`) {
		t.Fatalf("log names the outer route: %s", logs.String())
	}
}
