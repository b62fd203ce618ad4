package auth

import (
	"context"
	"strings"
	"time"
)

// Role is what a person may do in Weerbaar. Every account has exactly one,
// scoped to one organisation where the role needs one.
type Role string

const (
	// RoleMember is an ambtsdrager or medewerker: reports incidents and
	// follows their own reports.
	RoleMember Role = "ambtsdrager"
	// RoleCoordinator follows up the incidents of one organisation.
	RoleCoordinator Role = "coordinator"
	// RoleSupportTeam is the national Ondersteuningsteam Weerbaar Bestuur.
	RoleSupportTeam Role = "ondersteuningsteam"
	// RolePartner is the contact person of one network partner.
	RolePartner Role = "netwerkpartner"
	// RoleSecretariat is the network's secretariat.
	RoleSecretariat Role = "secretariaat"
	// RoleAdmin is a system administrator.
	RoleAdmin Role = "beheerder"
)

// Roles lists every role, in the order the interface shows them.
var Roles = []Role{RoleMember, RoleCoordinator, RoleSupportTeam, RolePartner, RoleSecretariat, RoleAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, k := range Roles {
		if r == k {
			return true
		}
	}
	return false
}

// NeedsSecondFactor reports whether the role must log in with TOTP. Only
// ambtsdragers and medewerkers may choose; every staff role must.
func (r Role) NeedsSecondFactor() bool { return r != RoleMember }

// Principal is the person behind a request, as established by a session
// or an API token. Services take it to answer "may this person do this?".
type Principal struct {
	AccountID int64
	OrgID     int64 // 0 for national roles without an organisation
	Role      Role
	Name      string
	Email     string
	// SessionID is the session row the request came with (0 for API tokens).
	SessionID int64
	// VerifiedAt is when the password or second factor was last checked in
	// this session; the most sensitive data asks again when it is old.
	VerifiedAt time.Time
}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the principal of the request, or nil when anonymous.
func FromContext(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

// RecentlyVerified reports whether the password or second factor was
// checked in this session within the last 15 minutes (ReverifyWindow).
// Views of home addresses and exports ask again (Reverify) when it is not.
func (p *Principal) RecentlyVerified(now time.Time) bool {
	if p == nil || p.VerifiedAt.IsZero() {
		return false
	}
	age := now.Sub(p.VerifiedAt)
	return age >= -time.Minute && age < ReverifyWindow
}

// ParseRole reads a role as people type it: the role names, with or
// without the diaeresis of coördinator, and "medewerker" for ambtsdrager.
func ParseRole(s string) (Role, bool) {
	switch r := strings.ToLower(strings.TrimSpace(s)); r {
	case "coördinator":
		return RoleCoordinator, true
	case "medewerker":
		return RoleMember, true
	default:
		return Role(r), Role(r).Valid()
	}
}
