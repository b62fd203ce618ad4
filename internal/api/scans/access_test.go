package scans_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"weerbaar/internal/api"
	"weerbaar/internal/api/scans"
	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/scan"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/vault/vaulttest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// TestResultThroughTheAPIOnlyForItsOwner: the owner reads their scored
// result; a colleague gets 404 as for a missing one and an empty list.
func TestResultThroughTheAPIOnlyForItsOwner(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		v, a := vaulttest.New(t, db), audit.New(db)
		authSvc := auth.NewService(db, a, auth.Options{Vault: v, Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 1024, Threads: 1}})
		svc, err := scan.New(db, v, a, nil)
		if err != nil {
			t.Fatal(err)
		}
		srv, err := api.New(api.Deps{Auth: authSvc, Capabilities: []api.Capability{scans.New(svc)}})
		if err != nil {
			t.Fatal(err)
		}
		var orgID int64
		if err := db.QueryRowContext(ctx, `SELECT id FROM organisations WHERE code = 'GM0344'`).Scan(&orgID); err != nil {
			t.Fatal(err)
		}
		token := func(email string) (string, *auth.Principal) {
			acc, err := authSvc.CreateAccount(ctx, nil, auth.NewAccount{Email: email, Name: "Test", Role: auth.RoleMember,
				OrgID: orgID, Password: "lange testzin voor weerbaar"})
			if err != nil {
				t.Fatal(err)
			}
			p := &auth.Principal{AccountID: acc.ID, OrgID: orgID, Role: acc.Role}
			tok, _, err := authSvc.CreateAPIToken(ctx, p, "test")
			if err != nil {
				t.Fatal(err)
			}
			return tok, p
		}
		ownTok, owner := token("eigenaar@example.org")
		otherTok, _ := token("collega@example.org")
		id, err := svc.Start(ctx, owner, "kandidaat-volksvertegenwoordiger")
		if err != nil {
			t.Fatal(err)
		}
		d := svc.Library().Get("kandidaat-volksvertegenwoordiger")
		for n := 1; n <= len(d.Pages); n++ {
			given := scan.Answers{}
			for _, q := range d.Pages[n-1].Questions {
				given[q.Key] = q.Answers[len(q.Answers)-1].Key
			}
			if _, err := svc.SavePage(ctx, owner, id, n, given, scan.StepNext); err != nil {
				t.Fatal(err)
			}
		}
		get := func(tok, path string) (int, map[string]any) {
			req := httptest.NewRequest(http.MethodGet, api.Prefix+path, nil)
			req.Header.Set("Authorization", "Bearer "+tok)
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			var body map[string]any
			json.Unmarshal(rec.Body.Bytes(), &body)
			return rec.Code, body
		}
		path := fmt.Sprintf("/scan-resultaten/%d", id)
		code, body := get(ownTok, path)
		if code != http.StatusOK || len(body["attention"].([]any)) != 3 || len(body["advice"].([]any)) == 0 {
			t.Fatalf("owner: %d %v", code, body)
		}
		if code, _ := get(otherTok, path); code != http.StatusNotFound {
			t.Errorf("colleague reads the result: %d, want 404", code)
		}
		if _, body := get(otherTok, "/scan-resultaten"); len(body["items"].([]any)) != 0 {
			t.Errorf("colleague lists %v", body["items"])
		}
		if _, body := get(ownTok, "/scan-resultaten"); len(body["items"].([]any)) != 1 {
			t.Errorf("owner lists %v", body["items"])
		}
	})
}
