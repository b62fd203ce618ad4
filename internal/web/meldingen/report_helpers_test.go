package meldingen_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/clocktest"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/store"
	"weerbaar/internal/vault/vaulttest"
	"weerbaar/internal/web/meldingen"
	"weerbaar/internal/web/webtest"
)

// reportEnv is the real web handler with the meldingen service, the
// organisations and the anonymous route, on db.
type reportEnv struct {
	*env
	svc  *incident.Service
	anon *incident.Anonymous
	iclk *clocktest.Clock // the meldingen service's clock
}

func newReportEnv(t testing.TB, db *store.DB) *reportEnv {
	t.Helper()
	return newReportEnvLimits(t, db, incident.AnonymousLimits{})
}

// newReportEnvLimits is newReportEnv with the anonymous route's limits.
func newReportEnvLimits(t testing.TB, db *store.DB, limits incident.AnonymousLimits) *reportEnv {
	t.Helper()
	clk := clocktest.New(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	re := &reportEnv{iclk: clk}
	re.svc = incident.New(db, vaulttest.New(t, db), audit.New(db), incident.Options{Now: clk.Now})
	re.anon = incident.NewAnonymous(re.svc, limits)
	re.env = newEnv(t, db, false, func(o *webtest.Options) {
		o.Incidents, o.Orgs, o.Anonymous = re.svc, org.New(db), re.anon
		o.Sections = meldingen.IncidentSections(re.svc, o.Catalog)
	})
	return re
}

// member makes a reporter of Utrecht and logs in as them.
func (e *reportEnv) member(email string) auth.Account {
	e.T.Helper()
	a := e.Account(email, auth.RoleMember, "GM0344")
	e.Login(email)
	return a
}

// coordinator is the principal of a coördinator of the organisation with code.
func (e *reportEnv) coordinator(email, code string) *auth.Principal {
	e.T.Helper()
	a := e.Account(email, auth.RoleCoordinator, code)
	return &auth.Principal{AccountID: a.ID, OrgID: a.OrgID, Role: auth.RoleCoordinator}
}

var locationID = regexp.MustCompile(`^/meldingen/(\d+)/`)

// startReport posts step 1 and returns the new draft's id.
func (e *reportEnv) startReport(inDanger string) int64 {
	e.T.Helper()
	r := e.Post("/meldingen/nieuw", url.Values{"inDanger": {inDanger}, "actie": {"volgende"}})
	if r.StatusCode != http.StatusSeeOther {
		e.T.Fatalf("step 1: status %d\n%s", r.StatusCode, r.Body)
	}
	m := locationID.FindStringSubmatch(r.Header.Get("Location"))
	if m == nil {
		e.T.Fatalf("step 1: redirect to %q", r.Header.Get("Location"))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// steps are complete answers for steps 2 to 6.
func completeSteps() map[int]url.Values {
	return map[int]url.Values{
		2: {"occurredAt": {"2026-11-20T14:30"}, "placeKind": {"werk"}, "placeDetail": {"Raadzaal"}},
		3: {"description": {"Na de vergadering werd ik bedreigd bij de uitgang."}, "kinds": {"bedreiging", "intimidatie"}},
		4: {"mode": {"self"}, "victimRole": {"raadslid"}, "homePartner": {"ja"}},
		5: {"perpetratorKind": {"bekende"}, "perpetratorDescription": {"Man van ongeveer 50"}, "witnesses": {"De bode"}},
		6: {"impact": {"Ik slaap slecht."}, "feelsUnsafe": {"ja"}, "wantsAangifte": {"ja"}},
	}
}

// fillSteps posts steps 2 to 6 with vals, each expecting the next step.
func (e *reportEnv) fillSteps(id int64, vals map[int]url.Values) {
	e.T.Helper()
	for n := 2; n <= 6; n++ {
		f := url.Values{"actie": {"volgende"}}
		for k, v := range vals[n] {
			f[k] = v
		}
		r := e.Post(meldingen.StepHref(id, n), f)
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != meldingen.StepHref(id, n+1) {
			e.T.Fatalf("step %d: status %d to %q\n%s", n, r.StatusCode, r.Header.Get("Location"), r.Body)
		}
	}
}

var idemRE = regexp.MustCompile(`name="idempotencyKey" value="([0-9a-f]+)"`)

// summaryKey opens the summary step and returns its idempotency key.
func (e *reportEnv) summaryKey(id int64) string {
	e.T.Helper()
	r := e.Get(meldingen.StepHref(id, 8))
	if r.StatusCode != http.StatusOK {
		e.T.Fatalf("summary: status %d", r.StatusCode)
	}
	m := idemRE.FindStringSubmatch(r.Body)
	if m == nil {
		e.T.Fatalf("summary without idempotency key:\n%s", r.Body)
	}
	return m[1]
}

// reportComplete makes and submits a full report through the pages and
// returns its id.
func (e *reportEnv) reportComplete() int64 {
	e.T.Helper()
	id := e.startReport("nee")
	e.fillSteps(id, completeSteps())
	r := e.Post(meldingen.StepHref(id, 8), url.Values{"idempotencyKey": {e.summaryKey(id)}, "actie": {"indienen"}})
	if r.StatusCode != http.StatusSeeOther {
		e.T.Fatalf("submit: status %d\n%s", r.StatusCode, r.Body)
	}
	return id
}

// upload posts files (name → content) as multipart field "attachments"
// plus the extra fields.
func (e *reportEnv) upload(path string, files [][2]string, fields map[string]string) *webtest.Result {
	e.T.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, f := range files {
		w, err := mw.CreateFormFile("attachments", f[0])
		if err != nil {
			e.T.Fatal(err)
		}
		w.Write([]byte(f[1]))
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, e.Srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("Origin", e.Srv.URL)
	return e.Do(req)
}

// countIncidents counts the incidents of a reporter in a status.
func countIncidents(t *testing.T, db *store.DB, reporter int64, status incident.Status) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM incidents
		WHERE reporter_id = $1 AND status = $2`, reporter, string(status)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
