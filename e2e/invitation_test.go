package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"weerbaar/internal/auth"
)

// TestInvitedMemberSetsUpTheirAccountFromTheLink: a coördinator invites a
// wethouder of their own organisation and passes on the link; the
// wethouder, on their own computer, opens it, chooses a password (after a
// mistyped repetition) and is logged in; the coördinator then sees the new
// account in the organisation's list, and the link does not work twice.
func TestInvitedMemberSetsUpTheirAccountFromTheLink(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	coord := srv.withTOTP(t, srv.newPerson(t, auth.RoleCoordinator, "GM0344", "Coördinator Utrecht"))

	b := newTab(t, tl, srv.URL, "uitnodiging")
	b.visit("/accounts", "inloggen")
	b.logIn(coord)
	if p := b.path(); p != "/accounts" {
		t.Fatalf("after logging in the coördinator is at %s, want back at /accounts", p)
	}
	b.check("accounts")
	b.see("h1", "Accounts")
	b.press("main a[href='/accounts/uitnodigen']")
	b.check("uitnodigen")
	b.see("h1", "Iemand uitnodigen")
	b.see("main", "coördinator van Gemeente Utrecht")
	b.fill("input[name=name]", "Wethouder Utrecht")
	b.fill("input[name=email]", "wethouder@example.nl")
	b.do("choose role", chromedp.SetValue(chromedp.CSS("select[name=role]"), string(auth.RoleMember)))
	b.press("form[action='/accounts/uitnodigen'] button[type=submit]")
	b.check("uitnodiging-gemaakt")
	b.see("h1", "Uitnodiging gemaakt")
	b.see("main", "Geef deze link door aan Wethouder Utrecht")
	link := b.text("#uitnodigingslink")
	if !strings.Contains(link, "/uitnodiging/") {
		t.Fatalf("the invitation link is %q, want a /uitnodiging/ address", link)
	}

	invitee := newTab(t, tl, srv.URL, "uitnodiging")
	invitee.visit(invitationPath(link), "account-instellen")
	invitee.see("h1", "Uw account instellen")
	invitee.see("main", "wethouder@example.nl")
	invitee.see("main", "Utrecht")
	const password = "lange zin met vier woorden erin"
	invitee.fill("input[name=password]", password)
	invitee.fill("input[name=herhaling]", password+" typfout")
	invitee.press("main form button[type=submit]")
	invitee.check("account-instellen-fout")
	invitee.see("#veld-herhaling-fout", "De twee wachtwoorden zijn niet gelijk")
	invitee.fill("input[name=password]", password)
	invitee.fill("input[name=herhaling]", password)
	invitee.press("main form button[type=submit]")
	invitee.check("welkom")
	invitee.see("h1", "Welkom, Wethouder Utrecht")
	invitee.see("main", "Welkom bij Weerbaar. Uw account is ingesteld.")
	invitee.logOut()
	invitee.visit(invitationPath(link), "uitnodiging-gebruikt")
	invitee.see("h1", "Deze uitnodiging is al gebruikt")

	b.visit("/accounts", "accounts-met-nieuw-account")
	b.see("main table", "Wethouder Utrecht")
	b.see("main table", "wethouder@example.nl")
}

// invitationPath is the path of the link the coördinator passes on, which
// is a full address when Weerbaar knows its own base URL.
func invitationPath(link string) string {
	if i := strings.Index(link, "/uitnodiging/"); i >= 0 {
		return link[i:]
	}
	return link
}
