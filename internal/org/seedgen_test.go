package org

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// The reference data's INSERTs in migration 0004 are generated from data/*.csv:
//
//	go generate ./internal/org
//
// which runs this test with -update. Without -update the test fails when the
// migration and the CSV files disagree.
var update = flag.Bool("update", false, "rewrite migration 0004 from data/*.csv")

const (
	migrationPath = "../store/migrations/0004_org.sql"
	// generatedMarker ends the hand-written schema; below it is generated.
	generatedMarker = "-- Generated from internal/org/data/*.csv by `go generate ./internal/org`; do not edit below.\n"
	dataFrom2025    = "2025-01-01"
	declarationDate = "2018-04-05" // Intentieverklaring Netwerk Weerbaar Bestuur signed
	rowsPerInsert   = 100
)

// seed sources, as the source column names them.
const (
	srcGemeenten     = "CBS gemeentelijke indeling 2025 (NLExtract gemeentelijke-indeling.xml; TOOI rwc_gemeenten_compleet/4)"
	srcProvincies    = "CBS provinciecodes; namen TOOI rwc_provincies_compleet/1"
	srcWaterschappen = "TOOI rwc_waterschappen_compleet/2 (BZK, 2024)"
	srcRijk          = "Rijksoverheid: ministeries van het kabinet-Schoof, stand 1 januari 2025"
	srcPartner       = "Intentieverklaring Netwerk Weerbaar Bestuur, 5 april 2018, bijlage 1"
)

func TestMigrationIsGeneratedFromCSV(t *testing.T) {
	current, err := os.ReadFile(migrationPath)
	if err != nil {
		t.Fatal(err)
	}
	head, _, found := strings.Cut(string(current), generatedMarker)
	if !found {
		head = strings.TrimRight(string(current), "\n") + "\n"
	}
	body, err := generateSeedSQL(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	want := head + generatedMarker + body
	if *update {
		if err := os.WriteFile(migrationPath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(current) != want {
		t.Fatalf("%s differs from what internal/org/data/*.csv produce: run `go generate ./internal/org`", migrationPath)
	}
}

// seedRow is one organisations row before it becomes SQL.
type seedRow struct {
	code, name, kind, province, validFrom, source string
}

// seedMember is one network_partners row.
type seedMember struct {
	code, interest, source string
}

func generateSeedSQL(data fs.FS) (string, error) {
	orgs, members, err := readSeeds(data)
	if err != nil {
		return "", err
	}
	if err := checkSeeds(orgs, members); err != nil {
		return "", err
	}
	var b strings.Builder
	for start := 0; start < len(orgs); start += rowsPerInsert {
		end := min(start+rowsPerInsert, len(orgs))
		b.WriteString("INSERT INTO organisations (code, name, kind, province_code, valid_from, valid_until, source, search_key) VALUES\n")
		for i, r := range orgs[start:end] {
			fmt.Fprintf(&b, "\t(%s, %s, %s, %s, %s, NULL, %s, %s)%s\n", lit(r.code), lit(r.name), lit(r.kind),
				litOrNull(r.province), lit(r.validFrom), lit(r.source), lit(orgSearchKey(r.name, r.code)), sep(i, end-start))
		}
	}
	b.WriteString("INSERT INTO network_partners (org_id, joined_on, left_on, interest, source) VALUES\n")
	for i, m := range members {
		fmt.Fprintf(&b, "\t((SELECT id FROM organisations WHERE code = %s), %s, NULL, %s, %s)%s\n",
			lit(m.code), lit(declarationDate), lit(m.interest), lit(m.source), sep(i, len(members)))
	}
	return b.String(), nil
}

func sep(i, n int) string {
	if i == n-1 {
		return ";"
	}
	return ","
}

// lit quotes s as an SQL string literal.
func lit(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func litOrNull(s string) string {
	if s == "" {
		return "NULL"
	}
	return lit(s)
}

// readCSV reads file's rows as maps by header, checking the header.
func readCSV(data fs.FS, file string, header ...string) ([]map[string]string, error) {
	f, err := data.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != strings.Join(header, ",") {
		return nil, fmt.Errorf("%s: header must be %s", file, strings.Join(header, ","))
	}
	var out []map[string]string
	for n, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range header {
			v := strings.TrimSpace(rec[i])
			if v == "" || strings.ContainsAny(v, "\r\n") {
				return nil, fmt.Errorf("%s line %d: %s empty or on several lines", file, n+2, h)
			}
			m[h] = v
		}
		out = append(out, m)
	}
	return out, nil
}
