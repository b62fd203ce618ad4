// Package org is Weerbaar's reference data: every gemeente, provincie and
// waterschap, the ministries, the partners of the Netwerk Weerbaar Bestuur
// and the network's own bodies. The rows are loaded by migration 0004 from
// the CSV files in data/ and carry validity dates, so a municipal merger ends
// old rows instead of deleting them.
package org

//go:generate go test -run TestMigrationIsGeneratedFromCSV -update .

import (
	"errors"
	"time"

	"weerbaar/internal/store"
)

// Kind is the sort of organisation.
type Kind string

const (
	Gemeente   Kind = "gemeente"
	Provincie  Kind = "provincie"
	Waterschap Kind = "waterschap"
	Rijk       Kind = "rijk"    // a ministry
	Partner    Kind = "partner" // a network partner that is not a ministry
	Netwerk    Kind = "netwerk" // the network's secretariat and support team
)

// Kinds lists every kind, in the order pickers show them.
var Kinds = []Kind{Gemeente, Provincie, Waterschap, Rijk, Partner, Netwerk}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Organisation is one row of the reference data.
type Organisation struct {
	ID           int64
	Code         string // CBS GMxxxx / PVxx, TOOI WSxxxx, or an abbreviation (BZK, VNG)
	Name         string
	Kind         Kind
	ProvinceCode string // a gemeente's provincie (PVxx); empty for other kinds
	ValidFrom    time.Time
	// ValidUntil is the first day the organisation no longer exists (after
	// a merger); zero while it exists.
	ValidUntil time.Time
	Source     string
}

// ValidAt reports whether the organisation existed on day at.
func (o Organisation) ValidAt(at time.Time) bool {
	d := day(at)
	return !o.ValidFrom.After(d) && (o.ValidUntil.IsZero() || o.ValidUntil.After(d))
}

// Member is an organisation's membership of the Netwerk Weerbaar Bestuur.
type Member struct {
	Organisation
	JoinedOn         time.Time
	LeftOn           time.Time // zero while a member
	Interest         string    // the role or interest the partner stated
	MembershipSource string    // where the membership and interest are written down
}

// ErrNotFound is returned when no organisation has the id or code asked for.
var ErrNotFound = errors.New("organisatie niet gevonden")

// Service reads the reference data.
type Service struct {
	db  store.Querier
	now func() time.Time
}

// New returns the service on db.
func New(db *store.DB) *Service {
	return &Service{db: db, now: time.Now}
}

// day is t's calendar date as midnight UTC, the way DATE columns read back.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
