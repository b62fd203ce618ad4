package scans_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/scan"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/webtest"
)

func TestSharingWithTheCoordinatorAndTheOverview(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		coord := &env{Env: e.Browser(), Scans: e.Scans}
		coord.Account("griffier@example.org", auth.RoleCoordinator, orgUtrecht)
		coord.Login("griffier@example.org")
		webtest.WantBody(t, coord.Get("/scans"), `href="/scans/overzicht"`)

		var first string
		for i := 0; i < scan.MinShared; i++ {
			b := &env{Env: e.Browser(), Scans: e.Scans}
			email := fmt.Sprintf("raadslid%d@example.org", i)
			b.Account(email, auth.RoleMember, orgUtrecht)
			b.Login(email)
			res := b.start(t, "kandidaat-volksvertegenwoordiger")
			for n := 1; n <= 3; n++ {
				b.answerPage(t, res, "kandidaat-volksvertegenwoordiger", n, weakest)
			}
			webtest.WantBody(t, b.Get(res), "Delen met de coördinator")
			if i == 0 {
				first = res
				// Not shared yet: the coördinator cannot reach it.
				webtest.WantStatus(t, coord.Get(res), http.StatusNotFound)
			}
			webtest.WantLocation(t, b.Post(res+"/delen", url.Values{"delen": {"ja"}}), res)
			webtest.WantBody(t, b.Get(res), "U deelt dit resultaat", "Niet meer delen")
			if i == scan.MinShared-2 {
				webtest.WantBody(t, coord.Get("/scans/overzicht"), "Nog te weinig gedeelde resultaten")
			}
		}
		shared := coord.Get(first)
		webtest.WantStatus(t, shared, http.StatusOK)
		webtest.WantNotInBody(t, shared, "Dit resultaat verwijderen", "Niet meer delen")
		webtest.WantStatus(t, coord.Post(first+"/verwijderen", url.Values{}), http.StatusNotFound)
		webtest.WantStatus(t, coord.Post(first+"/delen", url.Values{"delen": {"nee"}}), http.StatusNotFound)
		over := coord.Get("/scans/overzicht")
		webtest.WantStatus(t, over, http.StatusOK)
		webtest.WantBody(t, over, "Gedeeld door 5 mensen.", "Integriteit en belangen", "0 van 100")

		other := &env{Env: e.Browser(), Scans: e.Scans}
		other.Account("griffier-ams@example.org", auth.RoleCoordinator, orgAmersfoort)
		other.Login("griffier-ams@example.org")
		webtest.WantStatus(t, other.Get(first), http.StatusNotFound)
		webtest.WantNotInBody(t, other.Get("/scans/overzicht"), "Gedeeld door")
		member := &env{Env: e.Browser(), Scans: e.Scans}
		member.Login("raadslid1@example.org")
		webtest.WantStatus(t, member.Get("/scans/overzicht"), http.StatusForbidden)
	})
}
