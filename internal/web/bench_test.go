package web_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web"
	"weerbaar/internal/web/webtest"
)

// loggedIn is a server on SQLite with a logged-in member, and that
// member's session cookie.
func loggedIn(b *testing.B) (*env, *http.Cookie) {
	e := newEnv(b, storetest.SQLite(b), false)
	e.Account("lid@example.org", auth.RoleMember, "GM0344")
	e.Login("lid@example.org")
	for _, c := range e.Client.Jar.Cookies(webtest.MustParse(e.Srv.URL)) {
		if c.Name == web.CookieSession {
			return e, c
		}
	}
	b.Fatal("no session cookie")
	return nil, nil
}

// BenchmarkStartPage is the server's time to answer the start page for a
// logged-in person: session check in the database, sections, template.
func BenchmarkStartPage(b *testing.B) {
	e, c := loggedIn(b)
	var took []time.Duration
	for b.Loop() {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.AddCookie(c)
		w := httptest.NewRecorder()
		start := time.Now()
		e.Web.ServeHTTP(w, r)
		took = append(took, time.Since(start))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkStartPageHTTP asks for the start page over loopback from
// parallel clients (a load generator in the benchmark); run with -cpu 2
// for the figure on two cores.
func BenchmarkStartPageHTTP(b *testing.B) {
	e, c := loggedIn(b)
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	b.SetParallelism(8)
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req, _ := http.NewRequest(http.MethodGet, e.Srv.URL+"/", nil)
			req.AddCookie(c)
			res, err := client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				b.Errorf("status %d", res.StatusCode)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}

// BenchmarkCSSPerPage reports the CSS a page links to, as sent (gzip) and
// unpacked. Browsers fetch it once: the hashed URLs are cached for a year.
func BenchmarkCSSPerPage(b *testing.B) {
	e := newEnv(b, storetest.SQLite(b), false)
	page := e.Get("/login")
	links := regexp.MustCompile(`href="(/static/[^"]+\.css)"`).FindAllStringSubmatch(page.Body, -1)
	var sent, raw int
	for b.Loop() {
		sent, raw = 0, 0
		for _, l := range links {
			req, _ := http.NewRequest(http.MethodGet, e.Srv.URL+l[1], nil)
			req.Header.Set("Accept-Encoding", "gzip")
			res, err := e.Srv.Client().Transport.RoundTrip(req)
			if err != nil {
				b.Fatal(err)
			}
			gz, _ := io.ReadAll(res.Body)
			res.Body.Close()
			sent += len(gz)
			if res.Header.Get("Content-Encoding") == "gzip" {
				zr, err := gzip.NewReader(strings.NewReader(string(gz)))
				if err != nil {
					b.Fatal(err)
				}
				plain, _ := io.ReadAll(zr)
				raw += len(plain)
			} else {
				raw += len(gz)
			}
		}
	}
	b.ReportMetric(float64(len(links)), "css-files")
	b.ReportMetric(float64(sent)/1024, "KiB-sent")
	b.ReportMetric(float64(raw)/1024, "KiB-unpacked")
}
