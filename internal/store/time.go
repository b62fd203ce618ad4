package store

import (
	"database/sql/driver"
	"strconv"
	"strings"
	"time"
)

// Time is how every TIMESTAMP column is written and read, so both
// databases hold the same value and no stored value can make a read fail.
//
// Written (Value), it is the moment in UTC at microsecond precision (what
// PostgreSQL keeps), or NULL for the zero time. Read (Scan), it accepts
// whatever either driver hands over: a time.Time, or the text SQLite keeps
// ("2006-01-02 15:04:05.999999999-07:00", with "T" or "Z", date only,
// negative or five-digit years). Scan never fails: a value it cannot
// decode, or one outside the years 1 to 9999 that JSON and the forms can
// show, leaves the zero time and sets Bad, so a list can skip that one row
// instead of failing as a whole.
type Time struct {
	T   time.Time // in UTC; zero for NULL or a bad value
	Bad bool      // the stored value could not be decoded or is out of range
}

// TimeOf is t ready to be written.
func TimeOf(t time.Time) Time { return Time{T: t} }

// Value writes t in UTC at microsecond precision, NULL when zero.
func (t Time) Value() (driver.Value, error) {
	if t.T.IsZero() {
		return nil, nil
	}
	return t.T.UTC().Truncate(time.Microsecond), nil
}

// Scan reads any stored form of a moment; it never returns an error.
func (t *Time) Scan(v any) error {
	got, ok := decodeTime(v)
	if !ok || (!got.IsZero() && (got.Year() < 1 || got.Year() > 9999)) {
		*t = Time{Bad: true}
		return nil
	}
	if got.IsZero() {
		*t = Time{}
		return nil
	}
	*t = Time{T: got.UTC()}
	return nil
}

// Date is how every DATE column is written and read: a calendar day,
// midnight UTC, whatever the time of day or zone it was stored with. Like
// Time, its Scan never fails and sets Bad instead.
type Date struct {
	T   time.Time // midnight UTC of the day; zero for NULL or a bad value
	Bad bool
}

// DateOf is the day of t (in t's own location) ready to be written.
func DateOf(t time.Time) Date { return Date{T: t} }

// Value writes the day as midnight UTC, NULL when zero.
func (d Date) Value() (driver.Value, error) {
	if d.T.IsZero() {
		return nil, nil
	}
	return dayOf(d.T), nil
}

// Scan reads any stored form of a day; it never returns an error.
func (d *Date) Scan(v any) error {
	var t Time
	t.Scan(v)
	if t.Bad {
		*d = Date{Bad: true}
		return nil
	}
	if t.T.IsZero() {
		*d = Date{}
		return nil
	}
	// The day as it was written: a DATE from PostgreSQL or a day stored
	// at midnight UTC by Value. Take the calendar day of the value as it
	// came, before any conversion moved it across midnight.
	raw, _ := decodeTime(v)
	*d = Date{T: dayOf(raw)}
	return nil
}

func dayOf(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// decodeTime turns a driver value into a time; false when it cannot.
func decodeTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case nil:
		return time.Time{}, true
	case time.Time:
		return x, true
	case string:
		return parseTime(x)
	case []byte:
		return parseTime(string(x))
	case int64:
		// SQLite may hold seconds since 1970 when something wrote a number.
		return time.Unix(x, 0).UTC(), true
	default:
		return time.Time{}, false
	}
}

// timeLayouts are the text forms a stored moment may have, the year left
// out (parseTime reads it itself, so negative and long years work).
var timeLayouts = []string{
	"-01-02 15:04:05.999999999-07:00",
	"-01-02 15:04:05.999999999-07:00:00",
	"-01-02 15:04:05.999999999Z07:00",
	"-01-02T15:04:05.999999999Z07:00",
	"-01-02T15:04:05.999999999-07:00:00",
	"-01-02 15:04:05.999999999 -0700 MST", // Go's time.String
	"-01-02 15:04:05.999999999 -0700",
	"-01-02 15:04:05.999999999",
	"-01-02T15:04:05.999999999",
	"-01-02 15:04",
	"-01-02T15:04",
	"-01-02",
}

// parseTime reads "[-]YYYY[Y...]-MM-DD..." in any of timeLayouts. Go's
// time.Parse knows only four-digit years, so the year is read here and
// the rest is parsed with a leap year in its place.
func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+")
	body := s
	if neg {
		body = s[1:]
	}
	n := 0
	for n < len(body) && body[n] >= '0' && body[n] <= '9' {
		n++
	}
	if n < 4 || n > 6 || n == len(body) || body[n] != '-' {
		return time.Time{}, false
	}
	year, err := strconv.Atoi(body[:n])
	if err != nil {
		return time.Time{}, false
	}
	if s[0] == '-' {
		year = -year
	}
	rest := body[n:]
	for _, layout := range timeLayouts {
		t, err := time.Parse("2006"+layout, "2000"+rest)
		if err != nil {
			continue
		}
		if t.Month() == time.February && t.Day() == 29 && !leap(year) {
			return time.Time{}, false
		}
		return time.Date(year, t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(),
			t.Nanosecond(), t.Location()), true
	}
	return time.Time{}, false
}

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
