package incident

import (
	"strconv"

	"weerbaar/internal/audit"
)

// incidentEvent is the audit record of something done to one incident by
// actor (0 for an anonymous reporter): every such record names the
// incident and its organisation the same way, so the log can be followed
// per incident.
func incidentEvent(actor int64, inc *Incident, action, detail string) audit.Event {
	return audit.Event{Actor: actor, OrgID: inc.OrgID, Action: action,
		Object: "incident", ObjectID: strconv.FormatInt(inc.ID, 10), Detail: detail}
}
