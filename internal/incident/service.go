package incident

import (
	"context"
	"log/slog"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/nl"

	"weerbaar/internal/audit"
	"weerbaar/internal/nltime"
	"weerbaar/internal/store"
)

// Vault seals and opens the sensitive fields; *vault.Vault satisfies it.
// Each incident gets its own key, so destroying that key erases it.
type Vault interface {
	NewKey(ctx context.Context, q store.Querier) (int64, error)
	SealString(ctx context.Context, q store.Querier, keyID int64, plain, aad string) ([]byte, error)
	OpenString(ctx context.Context, q store.Querier, sealed []byte, aad string) (string, error)
}

// Options tune the service; the zero value is usable.
type Options struct {
	// Now is the clock (tests set it); default time.Now.
	Now func() time.Time
	// Location is where working days are counted; default Europe/Amsterdam.
	Location *time.Location
	// FirstContactDays is the default number of working days for first
	// contact with the reporter (default 1). An organisation's protocol
	// can set its own.
	FirstContactDays int
	// Notify, when set, is called after commit for every notification
	// created (the mail layer e-mails it when SMTP is configured). The
	// notification is stored and shown on the start page regardless.
	Notify func(ctx context.Context, accountID int64, n Notification)
	// Log receives what the service cannot show: stored rows it could not
	// read, by id only (never their content). Default: discarded.
	Log *slog.Logger
}

// Service runs the meldingen use cases; each has its own file.
type Service struct {
	db    *store.DB
	vault Vault
	audit *audit.Log
	opts  Options
	cal   *cal.BusinessCalendar
}

// New returns the meldingen service on db.
func New(db *store.DB, v Vault, a *audit.Log, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Location == nil {
		opts.Location = nltime.Location()
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.FirstContactDays <= 0 {
		opts.FirstContactDays = 1
	}
	c := cal.NewBusinessCalendar()
	c.AddHoliday(nl.Holidays...)
	return &Service{db: db, vault: v, audit: a, opts: opts, cal: c}
}

// flagBad logs, by id only, a stored row of table that could not be read
// in full (bad is false: nothing to log).
func (s *Service) flagBad(ctx context.Context, table string, id int64, bad bool) {
	if bad {
		s.opts.Log.WarnContext(ctx, "incident: stored row unreadable", "table", table, "id", id)
	}
}

// now is the service clock in UTC at microsecond precision, as stored.
func (s *Service) now() time.Time {
	return s.opts.Now().UTC().Truncate(time.Microsecond)
}
