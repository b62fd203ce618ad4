package scan

import "weerbaar/internal/auth"

// Action is something a person may want to do with a scan or a result.
type Action string

const (
	ActStart    Action = "start"    // take a scan
	ActRead     Action = "read"     // see a result and its answers
	ActAnswer   Action = "answer"   // answer, pause, continue
	ActDelete   Action = "delete"   // remove a result
	ActShare    Action = "share"    // share a personal result with the coördinators, or stop
	ActOverview Action = "overview" // the anonymous overview of shared results
)

// allowed is the one policy point of the scans domain.
//
//   - a personal scan is taken by an ambtsdrager or coördinator about
//     themselves; its result is theirs alone: nobody else reads, answers
//     or deletes it, not their coördinator, not the support team;
//   - an organisation scan is taken by a coördinator for their own
//     organisation; every coördinator of that organisation reads and
//     continues it, nobody of another organisation;
//   - the taker may share a finished personal result with the
//     coördinators of their organisation: they may then read it (not
//     change or delete it), and it counts in the anonymous overview;
//   - other roles take no scans.
func allowed(p *auth.Principal, a Action, r *Result) bool {
	if p == nil || p.AccountID == 0 || r == nil {
		return false
	}
	person := p.Role == auth.RoleMember || p.Role == auth.RoleCoordinator
	coord := p.Role == auth.RoleCoordinator && p.OrgID != 0
	switch r.Audience {
	case AudiencePerson:
		own := person && r.AccountID == p.AccountID
		switch a {
		case ActStart:
			return person
		case ActRead:
			return own || (coord && r.Shared && r.OrgID == p.OrgID)
		case ActShare:
			return own && r.Status == StatusDone && p.OrgID != 0
		case ActOverview:
			return coord && r.OrgID == p.OrgID
		}
		return own
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
