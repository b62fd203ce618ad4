package scans_test

import (
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"weerbaar/internal/audit"
	"weerbaar/internal/scan"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/vault/vaulttest"
	"weerbaar/internal/web/webtest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

const (
	orgUtrecht    = "GM0344"
	orgAmersfoort = "GM0307"
)

// env is the web test environment with the scans service.
type env struct {
	*webtest.Env
	Scans *scan.Service
}

func newEnv(t testing.TB, db *store.DB) *env {
	var svc *scan.Service
	e := webtest.New(t, db, false, func(o *webtest.Options) {
		var err error
		svc, err = scan.New(db, vaulttest.New(t, db), audit.New(db), o.Clock.Now)
		if err != nil {
			t.Fatal(err)
		}
		o.Deps.Scans = svc
	})
	return &env{Env: e, Scans: svc}
}

var idRE = regexp.MustCompile(`/scans/resultaten/(\d+)/stap/1$`)

// start starts scan slug and returns the path of its result.
func (e *env) start(t *testing.T, slug string) string {
	t.Helper()
	r := e.Post("/scans/"+slug+"/starten", url.Values{})
	webtest.WantLocation(t, r, "/scans/resultaten/")
	m := idRE.FindStringSubmatch(r.Header.Get("Location"))
	if m == nil {
		t.Fatalf("start: to %s", r.Header.Get("Location"))
	}
	return "/scans/resultaten/" + m[1]
}

// answerPage posts every question of page n with the answer pick chooses.
func (e *env) answerPage(t *testing.T, result, slug string, n int, pick func(q scan.Question) string) *webtest.Result {
	t.Helper()
	d := e.Scans.Library().Get(slug)
	form := url.Values{"actie": {"volgende"}}
	for _, q := range d.Pages[n-1].Questions {
		form.Set(q.Key, pick(q))
	}
	return e.Post(result+"/stap/"+itoa(n), form)
}

func itoa(n int) string { return strconv.Itoa(n) }

// weakest picks the lowest-scoring answer.
func weakest(q scan.Question) string {
	low := q.Answers[0]
	for _, a := range q.Answers {
		if *a.Score < *low.Score {
			low = a
		}
	}
	return low.Key
}
