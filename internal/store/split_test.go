package store

import (
	"reflect"
	"strings"
	"testing"
)

func TestMigrationSplitterRules(t *testing.T) {
	const trigger = `-- statement begin
CREATE TRIGGER t BEFORE UPDATE ON x
BEGIN
	SELECT RAISE(ABORT, 'no');
END;
-- statement end`
	tests := []struct {
		name    string
		body    string
		dialect Dialect
		want    []string
	}{
		{"one statement per line-ending semicolon", "CREATE TABLE a (x INT);\nCREATE TABLE b (\n\ty INT\n);\n", SQLite,
			[]string{"CREATE TABLE a (x INT);", "CREATE TABLE b (\n\ty INT\n);"}},
		{"comments are dropped", "-- a table\nCREATE TABLE a (x INT); \n-- done\n", Postgres,
			[]string{"CREATE TABLE a (x INT);"}},
		{"a semicolon inside a line does not split", "INSERT INTO a VALUES ('x;y');\n", SQLite,
			[]string{"INSERT INTO a VALUES ('x;y');"}},
		{"a block stays one statement", trigger + "\nCREATE TABLE a (x INT);", SQLite,
			[]string{"CREATE TRIGGER t BEFORE UPDATE ON x\nBEGIN\n\tSELECT RAISE(ABORT, 'no');\nEND;", "CREATE TABLE a (x INT);"}},
		{"comments inside a block are kept", "-- statement begin\nBEGIN\n-- why\nEND;\n-- statement end", Postgres,
			[]string{"BEGIN\n-- why\nEND;"}},
		{"sqlite section skipped on postgres", "CREATE TABLE a (x INT);\n-- dialect: sqlite\nPRAGMA x;\n-- dialect: postgres\nSET y;\n-- dialect: all\nCREATE TABLE b (x INT);", Postgres,
			[]string{"CREATE TABLE a (x INT);", "SET y;", "CREATE TABLE b (x INT);"}},
		{"postgres section skipped on sqlite", "CREATE TABLE a (x INT);\n-- dialect: sqlite\nPRAGMA x;\n-- dialect: postgres\nSET y;\n-- dialect: all\nCREATE TABLE b (x INT);", SQLite,
			[]string{"CREATE TABLE a (x INT);", "PRAGMA x;", "CREATE TABLE b (x INT);"}},
		{"blocks inside a skipped section are skipped", "-- dialect: postgres\n" + trigger, SQLite, nil},
		{"markers are case and space tolerant", "--  Dialect:  SQLite \nPRAGMA x;\n--Statement Begin\nA;\nB;\n--  statement END", SQLite,
			[]string{"PRAGMA x;", "A;\nB;"}},
		{"a last statement without semicolon is kept", "SELECT 1", SQLite, []string{"SELECT 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := splitStatements(tt.body, tt.dialect)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestMigrationSplitterRefusesMalformedMarkers(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"unknown dialect", "-- dialect: mysql\nSELECT 1;", "onbekend dialect"},
		{"unterminated block", "-- statement begin\nSELECT 1;", "zonder statement end"},
		{"end without begin", "SELECT 1;\n-- statement end", "zonder statement begin"},
		{"nested block", "-- statement begin\n-- statement begin\n-- statement end", "binnen een ander statement"},
		{"block after half a statement", "CREATE TABLE a (\n-- statement begin\n);\n-- statement end", "binnen een ander statement"},
		{"dialect switch mid-statement", "CREATE TABLE a (\n-- dialect: sqlite\n);", "midden in een statement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := splitStatements(tt.body, SQLite)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

// Every embedded migration must split cleanly for both databases, so a
// marker mistake fails here and not on someone's server.
func TestEveryMigrationSplitsForBothDialects(t *testing.T) {
	ms, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		for _, d := range []Dialect{SQLite, Postgres} {
			if _, err := splitStatements(dialectWords[d].Replace(m.sql), d); err != nil {
				t.Errorf("%04d_%s (%s): %v", m.Version, m.Name, d, err)
			}
		}
	}
}
