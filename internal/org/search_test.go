package org_test

import (
	"context"
	"testing"

	"weerbaar/internal/org"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestSearchFindsWordsFromTheirStartIgnoringCaseAndAccents(t *testing.T) {
	cases := []struct {
		query string
		first string // code of the expected first match
		also  string // code that must be among the matches, or ""
	}{
		{"Utrecht", "GM0344", "PV26"},
		{"fryslan", "PV21", "GM1900"},
		{"SÚDWEST", "GM1900", ""},
		{"hertogenbosch", "GM0796", ""},
		{"'s-Herto", "GM0796", ""},
		{"hengelo (o", "GM0164", ""},
		{"bzk", "BZK", ""},
		{"gm0363", "GM0363", ""},
		{"vertrouwenslijn", "NLC", ""},
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := org.New(db)
		for _, c := range cases {
			got, err := svc.Search(context.Background(), c.query)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 || got[0].Code != c.first {
				t.Errorf("Search(%q): first %v, want %s", c.query, codes(got), c.first)
				continue
			}
			if c.also != "" && !contains(got, c.also) {
				t.Errorf("Search(%q) = %v, want %s among them", c.query, codes(got), c.also)
			}
		}
	})
}

func TestSearchTreatsWildcardsAsText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := org.New(db)
		for _, q := range []string{"%", "_", "", "   ", "zzzqqq"} {
			got, err := svc.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 0 {
				t.Errorf("Search(%q) = %d matches, want none", q, len(got))
			}
		}
	})
}

func TestSearchGivesAPickerAtMostTwentyMatches(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		got, err := org.New(db).Search(context.Background(), "w")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 20 {
			t.Fatalf("Search(w) = %d matches, want 20", len(got))
		}
	})
}

func codes(list []org.Organisation) []string {
	var out []string
	for _, o := range list {
		out = append(out, o.Code)
	}
	return out
}

func contains(list []org.Organisation, code string) bool {
	for _, o := range list {
		if o.Code == code {
			return true
		}
	}
	return false
}
