package incident

import "errors"

var (
	// ErrNotFound: no such incident (or protocol, or notification).
	ErrNotFound = errors.New("niet gevonden")
	// ErrForbidden: the principal may not do this to this incident or
	// organisation. The attempt is audited.
	ErrForbidden = errors.New("geen toegang")
	// ErrTransition: the status change this would cause is not allowed
	// (e.g. closing a closed incident, answering satisfaction twice).
	ErrTransition = errors.New("statuswijziging niet toegestaan")
	// ErrUnreadable: the stored incident cannot be decoded (a time that
	// is no time, a sealed field that will not open). Lists skip such a
	// row and count it; reading it alone gives this error.
	ErrUnreadable = errors.New("melding kan niet worden gelezen")
)
