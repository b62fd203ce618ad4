package scan

import "weerbaar/internal/auth"

// Action is something a person may want to do with a scan or a result.
type Action string

const (
	ActStart  Action = "start"  // take a scan
	ActRead   Action = "read"   // see a result and its answers
	ActAnswer Action = "answer" // answer, pause, continue
	ActDelete Action = "delete" // remove a result
)

// allowed is the one policy point of the scans domain.
//
//   - a personal scan is taken by an ambtsdrager or coördinator about
//     themselves; its result is theirs alone: nobody else reads, answers
//     or deletes it, not their coördinator, not the support team;
//   - an organisation scan is taken by a coördinator for their own
//     organisation; every coördinator of that organisation reads and
//     continues it, nobody of another organisation;
//   - other roles take no scans.
func allowed(p *auth.Principal, a Action, r *Result) bool {
	if p == nil || p.AccountID == 0 || r == nil {
		return false
	}
	person := p.Role == auth.RoleMember || p.Role == auth.RoleCoordinator
	coord := p.Role == auth.RoleCoordinator && p.OrgID != 0
	switch r.Audience {
	case AudiencePerson:
		if a == ActStart {
			return person
		}
		return person && r.AccountID == p.AccountID
	case AudienceOrganisation:
		return coord && r.OrgID == p.OrgID
	}
	return false
}

// MayTake reports whether p may take scans of audience a (for the list
// of scans a person is offered).
func MayTake(p *auth.Principal, a Audience) bool {
	if p == nil {
		return false
	}
	return allowed(p, ActStart, &Result{Audience: a, AccountID: p.AccountID, OrgID: p.OrgID})
}
