package security

// The paths of the security pages, for the tests.
const (
	SecurityPath = securityPath
	TOTPPath     = totpPath
)
