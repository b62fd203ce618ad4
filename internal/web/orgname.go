package web

import "weerbaar/internal/org"

// orgDisplay is the shown name of an organisation known only by the code
// and name an account or invitation row carries ("Gemeente Utrecht",
// "Provincie Utrecht"); see org.Organisation.DisplayName.
func OrgDisplay(code, name string) string {
	return org.DisplayName(org.KindOfCode(code), name)
}

// OrgDisplay is orgDisplay for templates: {{$.OrgDisplay .OrgCode .OrgName}}.
func (p *Page) OrgDisplay(code, name string) string { return OrgDisplay(code, name) }
