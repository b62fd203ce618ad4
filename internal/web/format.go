package web

import (
	"fmt"
	"reflect"
	"time"

	"weerbaar/internal/nltime"
)

// FmtDateTime shows t as a Dutch date and time ("23-11-2026 14:30").
func (p *Page) FmtDateTime(t time.Time) string { return FmtDateTime(t) }

func FmtDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(nltime.Location()).Format("02-01-2006 15:04")
}

// FmtDate shows t as a Dutch date ("23-11-2026").
func (p *Page) FmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(nltime.Location()).Format("02-01-2006")
}

// FmtDue shows the end of a working day: a due time at midnight is
// shown as the day before ("uiterlijk 24-11-2026"), as people read it.
func (p *Page) FmtDue(t time.Time) string { return FmtDue(t) }

func FmtDue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(nltime.Location()).Add(-time.Minute).Format("02-01-2006")
}

// Lbl translates a domain value through prefix: (.Lbl "incident.status." .Status).
func (p *Page) Lbl(prefix string, v any) string {
	return p.T(prefix + fmt.Sprint(v))
}

// Lbls translates each value through prefix, joined with commas.
func (p *Page) Lbls(prefix string, vs any) string {
	var out string
	add := func(v any) {
		if out != "" {
			out += ", "
		}
		out += p.T(prefix + fmt.Sprint(v))
	}
	if v := reflect.ValueOf(vs); v.Kind() == reflect.Slice {
		for i := range v.Len() {
			add(v.Index(i).Interface())
		}
	}
	return out
}

// JaNee is "ja" or "nee" in the page's language.
func (p *Page) JaNee(b bool) string {
	if b {
		return p.T("report.yes_no.yes")
	}
	return p.T("report.yes_no.no")
}

// labelOptions builds choices from domain values, labelled through prefix.
func LabelOptions[T ~string](p *Page, prefix string, values []T) []Option {
	out := make([]Option, len(values))
	for i, v := range values {
		out[i] = Option{Value: string(v), Label: p.T(prefix + string(v))}
	}
	return out
}
