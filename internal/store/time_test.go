package store_test

import (
	"context"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestTimeScanReadsEveryStoredFormAndNeverFails(t *testing.T) {
	utc := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v.UTC()
	}
	cases := []struct {
		name string
		in   any
		want time.Time
		bad  bool
	}{
		{"null", nil, time.Time{}, false},
		{"time", time.Date(2024, 3, 1, 10, 0, 0, 0, time.FixedZone("CET", 3600)), utc("2024-03-01T09:00:00Z"), false},
		{"sqlite format", "2024-03-01 10:00:00.123456+01:00", utc("2024-03-01T09:00:00.123456Z"), false},
		{"sqlite utc", "2024-03-01 09:00:00+00:00", utc("2024-03-01T09:00:00Z"), false},
		{"rfc3339", "2024-03-01T09:00:00Z", utc("2024-03-01T09:00:00Z"), false},
		{"rfc3339 offset", "2024-03-01T10:00:00.5+01:00", utc("2024-03-01T09:00:00.5Z"), false},
		{"space Z", "2024-03-01 09:00:00Z", utc("2024-03-01T09:00:00Z"), false},
		{"no zone", "2024-03-01 09:00:00", utc("2024-03-01T09:00:00Z"), false},
		{"minutes", "2024-03-01T09:00", utc("2024-03-01T09:00:00Z"), false},
		{"date only", "2024-03-01", utc("2024-03-01T00:00:00Z"), false},
		{"go string", "2024-03-01 10:00:00 +0100 CET", utc("2024-03-01T09:00:00Z"), false},
		{"bytes", []byte("2024-03-01 09:00:00+00:00"), utc("2024-03-01T09:00:00Z"), false},
		{"seconds offset", "2024-03-01 09:19:32+00:19:32", utc("2024-03-01T09:00:00Z"), false},
		{"unix seconds", int64(1709283600), utc("2024-03-01T09:00:00Z"), false},
		{"leap day", "2024-02-29 09:00:00+00:00", utc("2024-02-29T09:00:00Z"), false},
		{"issue 16 year -1", "-0001-12-31 23:40:28+00:00", time.Time{}, true},
		{"year 0", "0000-01-01 00:00:00+00:00", time.Time{}, true},
		{"five digit year", "12024-03-01 09:00:00+00:00", time.Time{}, true},
		{"garbage", "gisteren", time.Time{}, true},
		{"empty", "", time.Time{}, true},
		{"garbage bytes", []byte{0xff, 0x00, 0x01}, time.Time{}, true},
		{"no leap day", "2023-02-29 09:00:00+00:00", time.Time{}, true},
		{"month 13", "2024-13-01 09:00:00+00:00", time.Time{}, true},
		{"trailing junk", "2024-03-01 09:00:00+00:00 en meer", time.Time{}, true},
		{"float", 3.5, time.Time{}, true},
		{"bool", true, time.Time{}, true},
		{"year 0 time", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got store.Time
			if err := got.Scan(c.in); err != nil {
				t.Fatalf("Scan(%v) = %v, want no error ever", c.in, err)
			}
			if !got.T.Equal(c.want) || got.Bad != c.bad {
				t.Errorf("Scan(%#v) = %v bad=%v, want %v bad=%v", c.in, got.T, got.Bad, c.want, c.bad)
			}
			if !got.T.IsZero() && got.T.Location() != time.UTC {
				t.Errorf("Scan(%#v) in %v, want UTC", c.in, got.T.Location())
			}
		})
	}
}

func TestNegativeYearsAreDecodedThenFlagged(t *testing.T) {
	// The year itself is read (time.Parse cannot), then refused as out
	// of range: the row stays readable, the value is marked.
	var got store.Time
	got.Scan("-0001-12-31 23:40:28+00:00")
	if !got.Bad || !got.T.IsZero() {
		t.Fatalf("got %v bad=%v", got.T, got.Bad)
	}
}

func TestDateScanKeepsTheCalendarDay(t *testing.T) {
	cases := []struct {
		in   any
		want string
		bad  bool
	}{
		{nil, "0001-01-01", false},
		{"2024-03-01", "2024-03-01", false},
		{"2024-03-01 00:00:00+00:00", "2024-03-01", false},
		{"2024-03-01 00:00:00+01:00", "2024-03-01", false},
		{[]byte("2024-03-01T00:00:00Z"), "2024-03-01", false},
		{time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), "2024-03-01", false},
		{"-0001-12-31", "0001-01-01", true},
		{"niet", "0001-01-01", true},
	}
	for _, c := range cases {
		var d store.Date
		if err := d.Scan(c.in); err != nil {
			t.Fatalf("Scan(%v): %v", c.in, err)
		}
		if d.T.Format(time.DateOnly) != c.want || d.Bad != c.bad {
			t.Errorf("Scan(%#v) = %s bad=%v, want %s bad=%v", c.in, d.T.Format(time.DateOnly), d.Bad, c.want, c.bad)
		}
	}
}

func TestTimeValueIsUTCMicrosecondsOrNull(t *testing.T) {
	v, _ := store.TimeOf(time.Time{}).Value()
	if v != nil {
		t.Errorf("zero time written as %v, want NULL", v)
	}
	in := time.Date(2024, 3, 1, 10, 0, 0, 123456789, time.FixedZone("CET", 3600))
	v, _ = store.TimeOf(in).Value()
	if got := v.(time.Time); !got.Equal(in.Truncate(time.Microsecond)) || got.Location() != time.UTC {
		t.Errorf("written as %v, want %v in UTC", got, in.Truncate(time.Microsecond))
	}
}

func TestTimeRoundTripsOnBothDatabases(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.ExecContext(ctx, `CREATE TABLE times (id INTEGER PRIMARY KEY, at `+
			map[store.Dialect]string{store.SQLite: "TIMESTAMP", store.Postgres: "TIMESTAMPTZ"}[db.Dialect]+`, day DATE)`); err != nil {
			t.Fatal(err)
		}
		cet := time.FixedZone("CET", 3600)
		moments := []time.Time{
			{},
			time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
			time.Date(2024, 3, 1, 10, 0, 0, 123456789, cet),
			time.Date(2099, 12, 31, 23, 59, 59, 999999000, time.UTC),
		}
		for i, m := range moments {
			if _, err := db.ExecContext(ctx, `INSERT INTO times (id, at, day) VALUES ($1, $2, $3)`,
				i, store.TimeOf(m), store.DateOf(m)); err != nil {
				t.Fatal(err)
			}
			var got store.Time
			var day store.Date
			if err := db.QueryRowContext(ctx, `SELECT at, day FROM times WHERE id = $1`, i).Scan(&got, &day); err != nil {
				t.Fatal(err)
			}
			want := m.UTC().Truncate(time.Microsecond)
			if m.IsZero() {
				want = time.Time{}
			}
			if got.Bad || !got.T.Equal(want) {
				t.Errorf("%v: read back %v bad=%v, want %v", m, got.T, got.Bad, want)
			}
			wantDay := ""
			if !m.IsZero() {
				wantDay = m.Format(time.DateOnly)
			}
			if gotDay := day.T.Format(time.DateOnly); !m.IsZero() && (day.Bad || gotDay != wantDay) {
				t.Errorf("%v: day read back %s bad=%v, want %s", m, gotDay, day.Bad, wantDay)
			}
		}
		if db.Dialect == store.SQLite {
			// What issue 16 left behind reads as a flagged value, not an error.
			if _, err := db.ExecContext(ctx, `INSERT INTO times (id, at) VALUES (99, '-0001-12-31 23:40:28+00:00')`); err != nil {
				t.Fatal(err)
			}
			var got store.Time
			if err := db.QueryRowContext(ctx, `SELECT at FROM times WHERE id = 99`).Scan(&got); err != nil {
				t.Fatalf("scan of a bad stored value: %v", err)
			}
			if !got.Bad {
				t.Errorf("bad stored value read as %v without the flag", got.T)
			}
		}
	})
}
