package incident

import "weerbaar/internal/auth"

// Action is something a person may want to do with an incident, or with
// an organisation's incidents as a whole.
type Action string

const (
	ActCreate       Action = "create"       // report (own, on behalf, as witness)
	ActEditDraft    Action = "edit_draft"   // change or submit one's own draft
	ActRead         Action = "read"         // see the full incident
	ActFollowUp     Action = "follow_up"    // add follow-up, aangifte record, chain step
	ActSatisfaction Action = "satisfaction" // answer the question after closing
	ActAangifte     Action = "aangifte"     // record a police report (reporter or coördinator)
	ActList         Action = "list"         // list an organisation's incidents
	ActExport       Action = "export"       // CSV of an organisation's incidents
	ActProtocolEdit Action = "protocol_edit"
	ActProtocolRead Action = "protocol_read"
	ActProtocolGaps Action = "protocol_gaps" // organisations without a protocol
)

// allowed is the one policy point of the meldingen domain; every service
// method asks it. For actions on an organisation as a whole (list,
// export, protocol) inc carries only OrgID.
//
//   - a reporter sees and answers for their own incidents only, and may
//     record their own aangifte;
//   - a coördinator reads and follows up the submitted incidents of their
//     own organisation, exports them and keeps its protocol; never another
//     organisation's, and never someone's unsubmitted draft;
//   - the support team reads only incidents referred to it, and sees
//     which organisations have no protocol;
//   - netwerkpartner, secretariaat and beheerder see no incident content.
func allowed(p *auth.Principal, a Action, inc *Incident) bool {
	if p == nil || p.AccountID == 0 || inc == nil {
		return false
	}
	own := inc.ReporterID != 0 && inc.ReporterID == p.AccountID
	ownOrg := p.OrgID != 0 && p.OrgID == inc.OrgID
	switch a {
	case ActCreate:
		return p.Role == auth.RoleMember || p.Role == auth.RoleCoordinator
	case ActEditDraft:
		return own && inc.Status == StatusDraft
	case ActSatisfaction:
		return own && inc.Status == StatusClosed
	case ActRead:
		if own {
			return true
		}
		if inc.Status == StatusDraft {
			return false
		}
		switch p.Role {
		case auth.RoleCoordinator:
			return ownOrg
		case auth.RoleSupportTeam:
			return inc.ReferredToSupport
		}
		return false
	case ActAangifte:
		if inc.Status == StatusDraft {
			return false
		}
		return own || (p.Role == auth.RoleCoordinator && ownOrg)
	case ActFollowUp:
		return p.Role == auth.RoleCoordinator && ownOrg && inc.Status != StatusDraft
	case ActList, ActExport, ActProtocolEdit:
		return p.Role == auth.RoleCoordinator && ownOrg
	case ActProtocolRead:
		return ownOrg || p.Role == auth.RoleSupportTeam
	case ActProtocolGaps:
		return p.Role == auth.RoleSupportTeam
	}
	return false
}
