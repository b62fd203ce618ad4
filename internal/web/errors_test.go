package web_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/valid"
	"weerbaar/internal/web"
	"weerbaar/internal/web/webtest"
)

func TestErrorsBecomeTheRightStatus(t *testing.T) {
	v := &valid.Error{}
	v.Add("email", "required")
	tests := []struct {
		err  error
		want int
	}{
		{fmt.Errorf("melding 7: %w", web.ErrNotFound), http.StatusNotFound},
		{fmt.Errorf("account 3: %w", auth.ErrNotFound), http.StatusNotFound},
		{fmt.Errorf("melding 7: %w", web.ErrForbidden), http.StatusForbidden},
		{fmt.Errorf("rol wijzigen: %w", auth.ErrForbidden), http.StatusForbidden},
		{fmt.Errorf("opslaan: %w", v), http.StatusBadRequest},
		{errors.New("database weg"), http.StatusInternalServerError},
	}
	e := webtest.Shell(t)
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		e.Web.Fail(rec, httptest.NewRequest(http.MethodGet, "/x", nil), tt.err)
		if rec.Code != tt.want {
			t.Errorf("%v: status %d, want %d", tt.err, rec.Code, tt.want)
		}
		if body := rec.Body.String(); strings.Contains(body, "database weg") || !strings.Contains(body, "utrecht-page-layout") {
			t.Errorf("%v: error page leaks the error or lacks the shell", tt.err)
		}
	}
}

func TestRoleGuardRefusesOtherRolesWithA403Page(t *testing.T) {
	e := webtest.Shell(t)
	h := e.Web.WithLanguage(e.Web.RequireRole(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("beheerpagina"))
	}), auth.RoleAdmin))
	tests := []struct {
		name string
		p    *auth.Principal
		want int
	}{
		{"anonymous", nil, http.StatusSeeOther},
		{"member", &auth.Principal{AccountID: 1, Role: auth.RoleMember}, http.StatusForbidden},
		{"coordinator", &auth.Principal{AccountID: 2, Role: auth.RoleCoordinator, OrgID: 5}, http.StatusForbidden},
		{"admin", &auth.Principal{AccountID: 3, Role: auth.RoleAdmin}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/beheer", nil)
			if tt.p != nil {
				r = r.WithContext(auth.WithPrincipal(context.Background(), tt.p))
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			if rec.Code != tt.want {
				t.Fatalf("status %d, want %d", rec.Code, tt.want)
			}
			if tt.want == http.StatusForbidden && !strings.Contains(rec.Body.String(), "Geen toegang") {
				t.Error("403 without the Dutch page")
			}
		})
	}
}

func TestStaticFilesLoadNothingFromElsewhere(t *testing.T) {
	external := regexp.MustCompile(`@import|url\(\s*['"]?(https?:)?//`)
	n := 0
	err := fs.WalkDir(web.Static, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".css") {
			return err
		}
		n++
		b, err := web.Static.ReadFile(path)
		if err != nil {
			return err
		}
		if loc := external.FindIndex(b); loc != nil {
			t.Errorf("%s loads from elsewhere: %q", path, b[loc[0]:min(len(b), loc[1]+40)])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 2 {
		t.Fatalf("checked only %d CSS files", n)
	}
}
