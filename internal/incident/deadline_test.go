package incident

import (
	"testing"
	"time"
)

func TestFirstContactDeadlineSkipsWeekendsAndDutchHolidays(t *testing.T) {
	s := New(nil, nil, nil, Options{})
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, amsterdam) }
	endOf := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d+1, 0, 0, 0, 0, amsterdam) }
	tests := []struct {
		name string
		from time.Time
		days int
		want time.Time
	}{
		{"monday: end of tuesday", at(2026, 11, 23, 10), 1, endOf(2026, 11, 24)},
		{"friday: end of monday", at(2026, 11, 27, 16), 1, endOf(2026, 11, 30)},
		{"saturday: end of monday", at(2026, 11, 28, 9), 1, endOf(2026, 11, 30)},
		{"christmas eve: past both Christmas days and the weekend", at(2026, 12, 24, 9), 1, endOf(2026, 12, 28)},
		{"friday before Koningsdag (Monday 27 April 2026)", at(2026, 4, 24, 9), 1, endOf(2026, 4, 28)},
		{"thursday before Goede Vrijdag and Tweede Paasdag 2026", at(2026, 4, 2, 9), 1, endOf(2026, 4, 7)},
		{"new year's eve", at(2026, 12, 31, 23), 1, endOf(2027, 1, 4)},
		{"two working days from wednesday", at(2026, 11, 25, 9), 2, endOf(2026, 11, 27)},
		{"late evening counts as that day (UTC already next day)", time.Date(2026, 11, 23, 23, 30, 0, 0, amsterdam), 1, endOf(2026, 11, 24)},
	}
	for _, tt := range tests {
		if got := s.workingDaysAfter(tt.from, tt.days); !got.Equal(tt.want) {
			t.Errorf("%s: due %v, want %v", tt.name, got.In(amsterdam), tt.want)
		}
	}
}

func TestDeadlineStates(t *testing.T) {
	due := monday10
	tests := []struct {
		name string
		d    Deadline
		now  time.Time
		want DeadlineState
	}{
		{"not applicable", Deadline{}, monday10, DeadlineNone},
		{"open", Deadline{Due: due}, due.Add(-time.Minute), DeadlineOpen},
		{"overdue", Deadline{Due: due}, due.Add(time.Minute), DeadlineOverdue},
		{"met in time", Deadline{Due: due, Done: due.Add(-time.Hour)}, due.Add(time.Hour), DeadlineMet},
		{"met late", Deadline{Due: due, Done: due.Add(time.Hour)}, due.Add(2 * time.Hour), DeadlineLate},
	}
	for _, tt := range tests {
		if got := tt.d.State(tt.now); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
