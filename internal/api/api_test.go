package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"weerbaar/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// TestDocumentNamesThisVersionAndServer: info.version is the API-Version
// header's, and the one server is the major version's prefix. That every
// route is documented, and every documented path served, is checked by
// apitest.CheckCapability (TestOpenAPIDocumentPassesSpectral), as for
// each capability.
func TestDocumentNamesThisVersionAndServer(t *testing.T) {
	var doc struct {
		Info    struct{ Version string }
		Servers []struct{ URL string }
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if doc.Info.Version != Version {
		t.Errorf("info.version %q, API-Version header %q", doc.Info.Version, Version)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].URL != Prefix {
		t.Errorf("servers %+v, want one with url %s", doc.Servers, Prefix)
	}
}

func TestOpenAPIDocumentIsPublicWithOpenCORS(t *testing.T) {
	srv := newTestServer(t, Deps{})
	res := srv.get(t, "/api/v1/openapi.json", "", "Origin", "https://portaal.example.org")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, res.body)
	}
	if got := res.Header.Get("Access-Control-Allow-Origin"); got != "*" {
		t.Errorf("Access-Control-Allow-Origin %q, want *", got)
	}
	if got := res.Header.Get("API-Version"); got != Version {
		t.Errorf("API-Version %q, want %s", got, Version)
	}
	var doc struct {
		OpenAPI string
		Info    struct {
			Contact struct{ Name, URL, Email string }
		}
	}
	res.decode(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi %q, want 3.1.x", doc.OpenAPI)
	}
	if c := doc.Info.Contact; c.Name == "" || c.URL == "" || c.Email == "" {
		t.Errorf("info.contact incomplete: %+v", c)
	}
}

// TestTrailingSlashIsNotFoundNotRedirect: the NL API Design Rules want URIs
// without a trailing slash; Go's ServeMux would redirect some of these.
func TestTrailingSlashIsNotFoundNotRedirect(t *testing.T) {
	srv := newTestServer(t, Deps{})
	for _, path := range []string{"/api/v1/mij/", "/api/v1/openapi.json/", "/api/v1/meldingen/",
		"/api/v1/", "/api/v1", "/api/", "/api/v1/meldingen/1/", "/api/v1/api-tokens/",
		"/api/v1/organisaties/GM0344/meldingen/"} {
		t.Run(path, func(t *testing.T) {
			res := srv.get(t, path, "")
			if res.StatusCode != http.StatusNotFound {
				t.Fatalf("status %d (Location %q), want 404", res.StatusCode, res.Header.Get("Location"))
			}
			res.problem(t)
			if res.Header.Get("API-Version") != Version {
				t.Errorf("API-Version %q", res.Header.Get("API-Version"))
			}
		})
	}
}

func TestUnknownPathAndWrongMethodAreProblems(t *testing.T) {
	srv := newTestServer(t, Deps{})
	for _, path := range []string{"/api/v1/bestaat-niet", "/api/v2/meldingen", "/api/v1/MELDINGEN"} {
		res := srv.get(t, path, "")
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
		res.problem(t)
	}
	res := srv.do(t, "DELETE", "/api/v1/mij", "", nil)
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("DELETE /mij: status %d, want 405", res.StatusCode)
	}
	res.problem(t)
	if allow := res.Header.Get("Allow"); !strings.Contains(allow, "GET") {
		t.Errorf("Allow %q, want GET", allow)
	}
}

// TestEveryResponseCarriesVersionAndNoStore covers successes and errors.
func TestEveryResponseCarriesVersionAndNoStore(t *testing.T) {
	srv := newTestServer(t, Deps{})
	for _, c := range []struct{ method, path string }{
		{"GET", "/api/v1/mij"}, {"GET", "/api/v1/bestaat-niet"}, {"DELETE", "/api/v1/mij"},
		{"GET", "/api/v1/mij/"},
	} {
		res := srv.do(t, c.method, c.path, "", nil)
		if res.Header.Get("API-Version") != Version {
			t.Errorf("%s %s: API-Version %q", c.method, c.path, res.Header.Get("API-Version"))
		}
		if res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s %s: Cache-Control %q", c.method, c.path, res.Header.Get("Cache-Control"))
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s: no nosniff", c.method, c.path)
		}
	}
}
