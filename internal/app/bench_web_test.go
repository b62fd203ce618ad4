package app_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"weerbaar/internal/app"
	"weerbaar/internal/auth"
	"weerbaar/internal/org"
)

// BenchmarkStartPage measures the start page of a real server (app.New on
// SQLite) for a logged-in ambtsdrager and a coördinator:
// Before, the ambtsdrager reports 50 incidents in Utrecht (through the
// API), so sections that list open work have some.
//   - server: the full handler chain in process (metrics, access log,
//     session check in the database, sections, template), no network;
//   - loopback: requests per second from a load generator in the same
//     process (net/http with keep-alive, N workers) on 127.0.0.1, so
//     clients and server share the cores (GOMAXPROCS is printed);
//   - css: the stylesheets the page links, as sent (gzip) and unpacked,
//     and what a bundle of only the NL Design System components the
//     templates use would weigh.
//
// Figures only, nothing asserted. Run:
//
//	go test ./internal/app -run '^$' -bench StartPage -benchtime 2s
func BenchmarkStartPage(b *testing.B) {
	a, base := startedApp(b)
	roles := []struct {
		name   string
		cookie string
	}{
		{"coordinator", loginCoordinator(b, a, base)}, // before the reports, so notified of them
		{"ambtsdrager", loginMember(b, a, base)},
	}
	res := map[string]loadResult{}
	h := a.Handler()
	for _, r := range roles {
		b.Run("server/"+r.name, func(b *testing.B) {
			res["server/"+r.name] = renderInProcess(b, h, r.cookie)
		})
	}
	for _, r := range roles {
		for _, n := range []int{1, 16} {
			b.Run(fmt.Sprintf("loopback/%s/clients=%d", r.name, n), func(b *testing.B) {
				lr := runLoad(b, n, b.N, getStart(base, r.cookie, n))
				lr.report(b, "req/s")
				res[fmt.Sprintf("loopback/%s/%d", r.name, n)] = lr
			})
		}
	}
	var css cssFigures
	b.Run("css", func(b *testing.B) {
		for b.Loop() {
			css = measureCSS(b, base, roles[1].cookie)
		}
		b.ReportMetric(float64(css.sent)/1024, "KiB-sent")
		b.ReportMetric(float64(css.raw)/1024, "KiB-unpacked")
	})
	fmt.Printf("\nstart page, GOMAXPROCS=%d (load generator and server share the cores)\n%s\n%s%s\n",
		runtime.GOMAXPROCS(0), startTable(res), css, trimmedCSS(b))
}

// startPageIncidents is how many incidents the ambtsdrager reported in
// Utrecht before the start pages are measured.
const startPageIncidents = 50

// startedApp runs Weerbaar on a fresh SQLite file on loopback.
func startedApp(b *testing.B) (*app.App, string) {
	a, err := app.New(context.Background(), benchConfig(b), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	base, stop := startServer(b, a)
	b.Cleanup(stop)
	waitReady(b, base)
	return a, base
}

// benchAccount creates an account with role in Utrecht (GM0344) and
// returns it with its password; label tells accounts of one role apart.
func benchAccount(b testing.TB, a *app.App, role auth.Role, label string) (auth.Account, string) {
	ctx := context.Background()
	utrecht, err := org.New(a.DB).ByCode(ctx, "GM0344")
	if err != nil {
		b.Fatal(err)
	}
	const pw = "een lange zin om te benchmarken"
	acct, err := a.Auth.CreateAccount(ctx, nil, auth.NewAccount{Email: string(role) + "-" + label + "@example.org",
		Name: string(role) + " Utrecht (bench)", Role: role, OrgID: utrecht.ID, Password: pw})
	if err != nil {
		b.Fatal(err)
	}
	return acct, pw
}

// loginMember logs an ambtsdrager in through the login form and returns
// the Cookie header their browser would send. They reported some
// incidents first, so the start page has their work to show.
func loginMember(b *testing.B, a *app.App, base string) string {
	acct, pw := benchAccount(b, a, auth.RoleMember, "start")
	report := reportOp(b, a, base, acct)
	for i := range startPageIncidents {
		if err := report(i); err != nil {
			b.Fatal(err)
		}
	}
	c := browser(b)
	post(b, c, base+"/login", url.Values{"email": {acct.Email}, "wachtwoord": {pw}})
	return cookieHeader(b, c, base)
}

// loginCoordinator gives a coördinator an authenticator app (as the e2e
// journeys do, through the service) and logs in with password and code.
func loginCoordinator(b *testing.B, a *app.App, base string) string {
	ctx := context.Background()
	acct, pw := benchAccount(b, a, auth.RoleCoordinator, "start")
	who := &auth.Principal{AccountID: acct.ID, OrgID: acct.OrgID, Role: acct.Role, Email: acct.Email, VerifiedAt: time.Now()}
	secret, _, err := a.Auth.BeginTOTP(ctx, who)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	code, _ := totp.GenerateCode(secret, now)
	if _, err := a.Auth.ConfirmTOTP(ctx, who, secret, code); err != nil {
		b.Fatal(err)
	}
	c := browser(b)
	post(b, c, base+"/login", url.Values{"email": {acct.Email}, "wachtwoord": {pw}})
	next, _ := totp.GenerateCode(secret, now.Add(30*time.Second)) // every code works once
	post(b, c, base+"/login/code", url.Values{"code": {next}})
	return cookieHeader(b, c, base)
}

func browser(b *testing.B) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	return &http.Client{Jar: jar}
}

// post sends a form and follows the redirect; the answer must be a page.
func post(b *testing.B, c *http.Client, to string, form url.Values) {
	res, err := c.PostForm(to, form)
	if err != nil {
		b.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		b.Fatalf("POST %s: status %d at %s", to, res.StatusCode, res.Request.URL)
	}
}

// cookieHeader is the browser's Cookie header for the start page, checked
// to open it (not the login page).
func cookieHeader(b *testing.B, c *http.Client, base string) string {
	u, _ := url.Parse(base + "/")
	var parts []string
	for _, k := range c.Jar.Cookies(u) {
		parts = append(parts, k.Name+"="+k.Value)
	}
	res, err := c.Get(base + "/")
	if err != nil {
		b.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Request.URL.Path != "/" {
		b.Fatalf("not logged in: status %d at %s", res.StatusCode, res.Request.URL)
	}
	return strings.Join(parts, "; ")
}

// renderInProcess times the whole handler chain for one start page.
func renderInProcess(b *testing.B, h http.Handler, cookie string) loadResult {
	var took []time.Duration
	cpu0 := processCPU()
	start := time.Now()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Cookie", cookie)
		w := httptest.NewRecorder()
		t0 := time.Now()
		h.ServeHTTP(w, r)
		took = append(took, time.Since(t0))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
	slices.Sort(took)
	n := len(took)
	r := loadResult{n: n, clients: 1, elapsed: time.Since(start), p50: took[n/2], p99: took[n*99/100], cpu: processCPU() - cpu0}
	r.report(b, "pages/s")
	return r
}

// getStart returns an op that asks for the start page over keep-alive
// connections and reads it whole.
func getStart(base, cookie string, clients int) func(int) error {
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	return func(int) error {
		req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
		req.Header.Set("Cookie", cookie)
		res, err := c.Do(req)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", res.StatusCode)
		}
		return err
	}
}

func startTable(res map[string]loadResult) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-12s %-22s %10s %10s %10s %12s\n", "role", "measured", "p50", "p99", "per s", "cpu µs/page")
	for _, role := range []string{"ambtsdrager", "coordinator"} {
		for _, k := range []struct{ key, label string }{
			{"server/" + role, "server, in process"},
			{"loopback/" + role + "/1", "loopback, 1 client"},
			{"loopback/" + role + "/16", "loopback, 16 clients"},
		} {
			r, ok := res[k.key]
			if !ok {
				continue
			}
			fmt.Fprintf(&sb, "%-12s %-22s %10s %10s %10.0f %12.0f\n", role, k.label, r.p50.Round(time.Microsecond),
				r.p99.Round(time.Microsecond), r.perSecond(), float64(r.cpu.Microseconds())/float64(r.n))
		}
	}
	return sb.String()
}

// cssFigures is what one page costs in HTML and stylesheets.
type cssFigures struct {
	html, htmlGzip int    // the page itself, and what gzip would make of it
	htmlEncoding   string // Content-Encoding of the page ("" = none)
	files          []cssFile
	sent, raw      int // stylesheets together
}

type cssFile struct {
	path      string
	sent, raw int
	encoding  string
}

var stylesheet = regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"`)
