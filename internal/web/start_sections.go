package web

import (
	"context"

	"weerbaar/internal/auth"
)

// StartSections are the start page's built-in sections: the tasks each
// role starts from. Open work (incidents waiting, overdue follow-up) comes
// from the features themselves through Options.Sections.
func StartSections() []Section {
	return []Section{
		actions("melden", []auth.Role{auth.RoleMember}, "start.member.title", "start.member.text",
			Action{Key: "start.member.report", Href: "/meldingen/nieuw", Primary: true},
			Action{Key: "start.member.mine", Href: "/meldingen"}),
		actions("organisatie", []auth.Role{auth.RoleCoordinator}, "start.coordinator.title", "start.coordinator.text",
			Action{Key: "start.coordinator.incidents", Href: "/organisatie/meldingen", Primary: true},
			Action{Key: "start.coordinator.accounts", Href: "/accounts"},
			Action{Key: "start.coordinator.invite", Href: "/accounts/uitnodigen"}),
		actions("beheer", []auth.Role{auth.RoleAdmin}, "start.admin.title", "start.admin.text",
			Action{Key: "start.admin.accounts", Href: "/accounts", Primary: true},
			Action{Key: "start.admin.invite", Href: "/accounts/uitnodigen"}),
	}
}

// EveryoneSections are the links every signed-in person has (own
// security); the start page shows them after the role's own work.
func EveryoneSections() []Section {
	return []Section{
		actions("beveiliging", nil, "start.security.title", "start.security.text",
			Action{Key: "start.security.link", Href: "/account/beveiliging"}),
	}
}

// orderSections is the start page's order: a role's own work first (the
// built-in tasks, then the features' sections with open work), the links
// everyone has last, so a support team or coördinator sees their work
// before "Uw beveiliging".
func orderSections(features []Section) []Section {
	out := append(StartSections(), features...)
	return append(out, EveryoneSections()...)
}

// actions is a section of fixed links for some roles.
func actions(name string, roles []auth.Role, titleKey, textKey string, acts ...Action) Section {
	return Section{Name: name, Roles: roles, Load: func(context.Context, *auth.Principal) (*SectionView, error) {
		return &SectionView{TitleKey: titleKey, TextKey: textKey, Actions: acts}, nil
	}}
}
