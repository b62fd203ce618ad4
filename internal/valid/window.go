package valid

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Earliest is the first day any date on the platform may be: nothing it
// records happened before 2000, and a year such as 0000 is a typing slip
// that neither the databases nor JSON can hold.
var Earliest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Window checks that t, when set, lies in [earliest, latest]. Before it,
// field gets "too_early" with earliest as a Dutch date (1-1-2000); after
// it, field gets late ("future" needs no argument; any other code gets
// latest as a date). It reports whether t was in the window (or zero).
func Window(e *Error, field string, t, earliest, latest time.Time, late ...string) bool {
	if t.IsZero() {
		return true
	}
	if t.Before(earliest) {
		e.Add(field, "too_early", Day(earliest))
		return false
	}
	if t.After(latest) {
		code := "too_late"
		if len(late) > 0 {
			code = late[0]
		}
		if code == "future" {
			e.Add(field, code)
		} else {
			e.Add(field, code, Day(latest))
		}
		return false
	}
	return true
}

// Day formats t as the Dutch write a date: 1-1-2000.
func Day(t time.Time) string { return t.Format("2-1-2006") }

// Text checks that s can be stored as text: valid UTF-8 without NUL
// bytes (PostgreSQL refuses NUL, and invalid UTF-8 would come back
// altered). A problem is "invalid_text". It reports whether s was fine.
func Text(e *Error, field, s string) bool {
	if !TextOK(s) {
		e.Add(field, "invalid_text")
		return false
	}
	return true
}

// TextOK reports whether s is valid UTF-8 without NUL bytes.
func TextOK(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}
