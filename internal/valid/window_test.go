package valid

import (
	"testing"
	"time"
)

func TestWindowRefusesDatesOutsideItWithTheBoundAsDutchDate(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		t    time.Time
		code string
		args []any
	}{
		{time.Time{}, "", nil},
		{Earliest, "", nil},
		{now, "", nil},
		{Earliest.Add(-time.Nanosecond), "too_early", []any{"1-1-2000"}},
		{time.Date(-1, 12, 31, 23, 40, 28, 0, time.UTC), "too_early", []any{"1-1-2000"}},
		{now.Add(time.Second), "future", nil},
	}
	for _, c := range cases {
		e := &Error{}
		ok := Window(e, "occurredAt", c.t, Earliest, now, "future")
		if ok != (c.code == "") {
			t.Errorf("%v: ok %v", c.t, ok)
		}
		if c.code == "" {
			if e.Err() != nil {
				t.Errorf("%v: %v", c.t, e)
			}
			continue
		}
		if len(e.Problems) != 1 || e.Problems[0].Code != c.code || e.Problems[0].Field != "occurredAt" ||
			len(e.Problems[0].Args) != len(c.args) || (len(c.args) > 0 && e.Problems[0].Args[0] != c.args[0]) {
			t.Errorf("%v: %+v, want %s %v", c.t, e.Problems, c.code, c.args)
		}
	}
	e := &Error{}
	Window(e, "to", time.Date(2101, 1, 1, 0, 0, 0, 0, time.UTC), Earliest, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(e.Problems) != 1 || e.Problems[0].Code != "too_late" || e.Problems[0].Args[0] != "1-1-2100" {
		t.Errorf("too late: %+v", e.Problems)
	}
}

func TestTextRefusesInvalidUTF8AndNUL(t *testing.T) {
	for s, want := range map[string]bool{
		"":                true,
		"Een bezoeker €":  true,
		"regel\nregel\t.": true,
		"\xff\xfe":        false,
		"a\x00b":          false,
		"half \xe2\x82":   false,
	} {
		e := &Error{}
		if got := Text(e, "note", s); got != want || (e.Err() == nil) != want {
			t.Errorf("Text(%q) = %v (%v), want %v", s, got, e, want)
		}
	}
}
