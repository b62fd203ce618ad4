package opvolging

// The follow-up pages' paths and catalogue keys, for the tests.
var (
	CoordIncidentHref   = coordIncidentHref
	SupportIncidentHref = supportIncidentHref
	CoordKindKey        = coordKindKey
	CoordRoleKey        = coordRoleKey
	CoordStatusKey      = coordStatusKey
	CoordFollowUpKey    = coordFollowUpKey
	CoordChainKey       = coordChainKey
	CoordPlaceKey       = coordPlaceKey
	CoordPerpetratorKey = coordPerpetratorKey
)
