package incident

import (
	"testing"

	"weerbaar/internal/auth"
)

// TestPolicy asks the one policy point about every role against an
// incident of its own organisation and of another one.
func TestPolicy(t *testing.T) {
	const own, other = 1, 2
	reporter := &auth.Principal{AccountID: 10, OrgID: own, Role: auth.RoleMember}
	colleague := &auth.Principal{AccountID: 11, OrgID: own, Role: auth.RoleMember}
	coordOwn := &auth.Principal{AccountID: 20, OrgID: own, Role: auth.RoleCoordinator}
	coordOther := &auth.Principal{AccountID: 21, OrgID: other, Role: auth.RoleCoordinator}
	support := &auth.Principal{AccountID: 30, Role: auth.RoleSupportTeam}
	partner := &auth.Principal{AccountID: 40, OrgID: own, Role: auth.RolePartner}
	secretariat := &auth.Principal{AccountID: 50, OrgID: own, Role: auth.RoleSecretariat}
	admin := &auth.Principal{AccountID: 60, OrgID: own, Role: auth.RoleAdmin}

	submitted := &Incident{ID: 1, OrgID: own, ReporterID: 10, Status: StatusNew}
	referred := &Incident{ID: 2, OrgID: own, ReporterID: 10, Status: StatusInProgress, ReferredToSupport: true}
	draft := &Incident{ID: 3, OrgID: own, ReporterID: 10, Status: StatusDraft}
	closed := &Incident{ID: 4, OrgID: own, ReporterID: 10, Status: StatusClosed}
	anonymous := &Incident{ID: 5, OrgID: own, ReporterID: 0, Status: StatusNew, Mode: ModeAnonymous}
	ownOrg := &Incident{OrgID: own}
	otherOrg := &Incident{OrgID: other}

	tests := []struct {
		name string
		p    *auth.Principal
		a    Action
		inc  *Incident
		want bool
	}{
		{"reporter reads own", reporter, ActRead, submitted, true},
		{"reporter reads own draft", reporter, ActRead, draft, true},
		{"reporter edits own draft", reporter, ActEditDraft, draft, true},
		{"reporter cannot edit submitted", reporter, ActEditDraft, submitted, false},
		{"reporter answers satisfaction when closed", reporter, ActSatisfaction, closed, true},
		{"reporter cannot answer before closing", reporter, ActSatisfaction, submitted, false},
		{"reporter records own aangifte", reporter, ActAangifte, submitted, true},
		{"reporter cannot follow up", reporter, ActFollowUp, submitted, false},
		{"reporter cannot list organisation", reporter, ActList, ownOrg, false},
		{"reporter reads own organisation's protocol", reporter, ActProtocolRead, ownOrg, true},
		{"reporter cannot edit protocol", reporter, ActProtocolEdit, ownOrg, false},
		{"colleague cannot read another's incident", colleague, ActRead, submitted, false},
		{"colleague cannot record another's aangifte", colleague, ActAangifte, submitted, false},
		{"anonymous incident is nobody's own", &auth.Principal{AccountID: 0, Role: auth.RoleMember}, ActRead, anonymous, false},
		{"member may report", reporter, ActCreate, ownOrg, true},

		{"coordinator reads own org", coordOwn, ActRead, submitted, true},
		{"coordinator reads own org anonymous report", coordOwn, ActRead, anonymous, true},
		{"coordinator cannot read someone's draft", coordOwn, ActRead, draft, false},
		{"coordinator follows up own org", coordOwn, ActFollowUp, submitted, true},
		{"coordinator records aangifte own org", coordOwn, ActAangifte, submitted, true},
		{"coordinator lists own org", coordOwn, ActList, ownOrg, true},
		{"coordinator exports own org", coordOwn, ActExport, ownOrg, true},
		{"coordinator edits own protocol", coordOwn, ActProtocolEdit, ownOrg, true},
		{"coordinator may report", coordOwn, ActCreate, ownOrg, true},
		{"coordinator cannot read other org", coordOther, ActRead, submitted, false},
		{"coordinator cannot follow up other org", coordOther, ActFollowUp, submitted, false},
		{"coordinator cannot record aangifte other org", coordOther, ActAangifte, submitted, false},
		{"coordinator cannot list other org", coordOther, ActList, ownOrg, false},
		{"coordinator cannot export other org", coordOther, ActExport, ownOrg, false},
		{"coordinator cannot edit other protocol", coordOther, ActProtocolEdit, ownOrg, false},
		{"coordinator cannot read other protocol", coordOther, ActProtocolRead, ownOrg, false},
		{"coordinator cannot see protocol gaps", coordOwn, ActProtocolGaps, ownOrg, false},

		{"support team reads referred", support, ActRead, referred, true},
		{"support team cannot read unreferred", support, ActRead, submitted, false},
		{"support team cannot follow up referred", support, ActFollowUp, referred, false},
		{"support team cannot list", support, ActList, ownOrg, false},
		{"support team cannot export", support, ActExport, otherOrg, false},
		{"support team reads protocols", support, ActProtocolRead, otherOrg, true},
		{"support team sees protocol gaps", support, ActProtocolGaps, &Incident{}, true},
		{"support team cannot report", support, ActCreate, ownOrg, false},
	}
	for _, p := range []*auth.Principal{partner, secretariat, admin} {
		for _, a := range []Action{ActRead, ActFollowUp, ActList, ActExport, ActAangifte, ActProtocolEdit, ActCreate, ActProtocolGaps} {
			for _, inc := range []*Incident{submitted, referred, ownOrg} {
				tests = append(tests, struct {
					name string
					p    *auth.Principal
					a    Action
					inc  *Incident
					want bool
				}{string(p.Role) + " has no incident access: " + string(a), p, a, inc, false})
			}
		}
	}
	tests = append(tests, struct {
		name string
		p    *auth.Principal
		a    Action
		inc  *Incident
		want bool
	}{"no principal", nil, ActRead, submitted, false})
	for _, tt := range tests {
		if got := allowed(tt.p, tt.a, tt.inc); got != tt.want {
			t.Errorf("%s: allowed = %v, want %v", tt.name, got, tt.want)
		}
	}
}
