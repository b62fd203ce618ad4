package incident

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/ratelimit"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// ErrRateLimited: too many anonymous reports or wrong receipt codes from
// one address; the edge answers 429 and asks to try again later.
var ErrRateLimited = errors.New("te veel pogingen, probeer het later opnieuw")

// ErrUnknownReceipt: no report has this receipt code. Deliberately the same
// for a malformed code, an unknown lookup id and a wrong secret.
var ErrUnknownReceipt = errors.New("onbekende ontvangstcode")

// AnonymousLimits are the per-address rate limits of the anonymous route.
// Defaults follow GlobaLeaks' per-address thresholds, a little tighter.
type AnonymousLimits struct {
	Reports      int           // reports per address per window; default 5
	ReportWindow time.Duration // default 1 hour
	WrongCodes   int           // wrong receipt codes per address per window; default 10
	WrongWindow  time.Duration // default 15 minutes
	Actions      int           // messages and uploads per address per hour; default 30
	MaxAddresses int           // addresses remembered per limiter; default 100000
	Now          func() time.Time
}

// Anonymous is the route for reporters without an account: report, then
// come back with the receipt code to read the status, exchange messages
// with the handler and add evidence. It keeps the rate limiters, which is
// why it is a value of its own, made once per process: the limiters are in
// memory because the address they count must not be stored anywhere.
//
// Every method takes client, the caller's network address, used for rate
// limiting only: it is hashed with a per-process key in memory and never
// stored, logged or audited.
type Anonymous struct {
	s       *Service
	reports *ratelimit.Limiter
	wrong   *ratelimit.Limiter
	actions *ratelimit.Limiter
	// hashing bounds the argon2id checks running at once (each takes
	// 19 MiB and ~0.1 s of one core), so a flood of codes from many
	// addresses cannot exhaust the server's memory.
	hashing chan struct{}
}

// maxConcurrentReceiptChecks is how many receipt codes are checked at once.
const maxConcurrentReceiptChecks = 4

// NewAnonymous returns the anonymous route of s.
func NewAnonymous(s *Service, l AnonymousLimits) *Anonymous {
	if l.Reports <= 0 {
		l.Reports = 5
	}
	if l.ReportWindow <= 0 {
		l.ReportWindow = time.Hour
	}
	if l.WrongCodes <= 0 {
		l.WrongCodes = 10
	}
	if l.WrongWindow <= 0 {
		l.WrongWindow = 15 * time.Minute
	}
	if l.Actions <= 0 {
		l.Actions = 30
	}
	return &Anonymous{s: s,
		reports: ratelimit.New(ratelimit.Config{Limit: l.Reports, Window: l.ReportWindow, MaxClients: l.MaxAddresses, Now: l.Now}),
		wrong:   ratelimit.New(ratelimit.Config{Limit: l.WrongCodes, Window: l.WrongWindow, MaxClients: l.MaxAddresses, Now: l.Now}),
		actions: ratelimit.New(ratelimit.Config{Limit: l.Actions, Window: time.Hour, MaxClients: l.MaxAddresses, Now: l.Now}),
		hashing: make(chan struct{}, maxConcurrentReceiptChecks),
	}
}

// Report submits in as an anonymous report and returns the receipt code,
// to be shown once and never again (only its hash is kept). The incident
// has no reporter account; its organisation is the one the reporter chose
// (in.OrgID, a gemeente, provincie or waterschap). Validation is that of
// Submit; problems come back as *valid.Error and do not count against the
// rate limit, so a reporter can correct the form.
func (a *Anonymous) Report(ctx context.Context, client string, in *Incident) (ReceiptCode, error) {
	s := a.s
	inc := s.prepare(nil, in)
	inc.ID, inc.ReporterID = 0, 0 // always a new incident, never an account's
	e := &valid.Error{}
	// Validated in the mode the reporter chose (a witness still may not
	// name the person it was aimed at); stored as anonymous after.
	if inc.Mode == "" || inc.Mode == ModeAnonymous {
		inc.Mode = ModeSelf
	}
	checkFormat(inc, s.now(), e)
	checkSubmit(inc, e)
	if err := checkReportingOrg(ctx, s.db, inc.OrgID, e); err != nil {
		return "", err
	}
	if err := e.Err(); err != nil {
		return "", err
	}
	inc.Mode = ModeAnonymous
	if !a.reports.Allow(client) {
		return "", ErrRateLimited
	}
	code, err := NewReceiptCode()
	if err != nil {
		return "", err
	}
	hash, err := hashReceipt(code)
	if err != nil {
		return "", err
	}
	var notes []Notification
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		// submitTx writes the audit row with actor 0: nobody.
		if err := s.submitTx(ctx, tx, &auth.Principal{}, inc, ""); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO incident_receipts (incident_id, lookup_id, code_hash)
			VALUES ($1, $2, $3)`, inc.ID, code.LookupID(), hash)
		if err != nil {
			return fmt.Errorf("incident %d: receipt: %w", inc.ID, err)
		}
		notes, err = s.addCoordinatorNotifications(ctx, tx, inc, NoticeNew)
		return err
	})
	if err != nil {
		return "", err
	}
	s.notify(ctx, notes)
	return code, nil
}

// checkReportingOrg refuses an organisation that does not exist or that is
// not a gemeente, provincie or waterschap (the organisations that handle
// reports), as field "orgId" code "unknown".
func checkReportingOrg(ctx context.Context, q store.Querier, orgID int64, e *valid.Error) error {
	if orgID == 0 || e.Has("orgId") {
		return nil
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations
		WHERE id = $1 AND kind IN ('gemeente', 'provincie', 'waterschap')`, orgID).Scan(&n)
	if err != nil {
		return fmt.Errorf("organisation %d: %w", orgID, err)
	}
	if n == 0 {
		e.Add("orgId", "unknown")
	}
	return nil
}

// ReceiptView is what the holder of a receipt code sees: their report, its
// status and the conversation with the handler.
type ReceiptView struct {
	Incident *Incident // the report as submitted, sealed fields opened; with status history
	Messages []Message // oldest first; handler messages with zero ReadAt are new
	Unread   int       // handler messages not read before this view
	Files    []AttachmentInfo
}

// Status opens the report behind code: the report, its status, and the
// conversation, marking the handler's messages read. Audited as a read
// with actor 0.
func (a *Anonymous) Status(ctx context.Context, client, code string) (*ReceiptView, error) {
	head, err := a.open(ctx, client, code)
	if err != nil {
		return nil, err
	}
	s := a.s
	inc, err := s.loadIncident(ctx, s.db, head.ID)
	if err != nil {
		return nil, err
	}
	if inc.History, err = loadHistory(ctx, s.db, inc.ID); err != nil {
		return nil, err
	}
	v := &ReceiptView{Incident: inc}
	if v.Files, err = s.listAttachments(ctx, s.db, inc.ID); err != nil {
		return nil, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if v.Messages, err = s.readConversation(ctx, tx, head, SenderReporter, true); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, incidentEvent(0, head, "incident.read", "receipt"))
	})
	if err != nil {
		return nil, err
	}
	for i, m := range v.Messages {
		if m.Sender == SenderHandler && m.Unread() {
			v.Unread++
		}
		v.Messages[i].AuthorID = 0 // which staff account wrote is not theirs to know
	}
	for i := range inc.History {
		inc.History[i].ActorID = 0
	}
	inc.KeyID = 0
	return v, nil
}

// Send adds a message from the anonymous reporter behind code.
func (a *Anonymous) Send(ctx context.Context, client, code, body string) (*Message, error) {
	head, err := a.open(ctx, client, code)
	if err != nil {
		return nil, err
	}
	if !a.actions.Allow(client) {
		return nil, ErrRateLimited
	}
	return a.s.send(ctx, head, SenderReporter, 0, body)
}

// Attach adds evidence files from the anonymous reporter behind code.
func (a *Anonymous) Attach(ctx context.Context, client, code string, files []Upload) ([]AttachmentInfo, error) {
	head, err := a.open(ctx, client, code)
	if err != nil {
		return nil, err
	}
	if !a.actions.Allow(client) {
		return nil, ErrRateLimited
	}
	return a.s.attach(ctx, head, 0, files)
}
