// Package valid carries field-level validation problems from a domain
// service to the edge. A problem is a field name and a message code; the
// web and API layers turn the code into Dutch or English text from the
// message catalogue (key "valid.<code>") and show it next to the field.
package valid

import (
	"errors"
	"strings"
)

// Problem is one thing wrong with one field.
type Problem struct {
	Field string // form field / JSON property name, e.g. "occurredAt"
	Code  string // message code, e.g. "required", "future", "too_long"
	Args  []any  // values the message needs, e.g. a maximum length
}

// Error lists every problem found in one input; it is returned as an error
// so callers can test for it with errors.As.
type Error struct {
	Problems []Problem
}

// Add records a problem with field.
func (e *Error) Add(field, code string, args ...any) {
	e.Problems = append(e.Problems, Problem{Field: field, Code: code, Args: args})
}

// Has reports whether field already has a problem.
func (e *Error) Has(field string) bool {
	for _, p := range e.Problems {
		if p.Field == field {
			return true
		}
	}
	return false
}

// Err returns e when it holds problems, and nil otherwise.
func (e *Error) Err() error {
	if e == nil || len(e.Problems) == 0 {
		return nil
	}
	return e
}

func (e *Error) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Field + ": " + p.Code
	}
	return "ongeldige invoer: " + strings.Join(parts, ", ")
}

// As returns the validation error inside err, if there is one.
func As(err error) (*Error, bool) {
	var v *Error
	ok := errors.As(err, &v)
	return v, ok
}
