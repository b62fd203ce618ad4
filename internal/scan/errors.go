package scan

import "errors"

var (
	// ErrNotFound: no such scan or result.
	ErrNotFound = errors.New("niet gevonden")
	// ErrForbidden: the person may not do this; the attempt is audited.
	ErrForbidden = errors.New("geen toegang")
	// ErrFinished: the result is complete and no longer changes (a new
	// take starts a new result).
	ErrFinished = errors.New("scan is al afgerond")
)
