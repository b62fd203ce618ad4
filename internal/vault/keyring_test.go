package vault

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"
)

func keyLine(t testing.TB) string {
	t.Helper()
	line, err := GenerateKeyLine(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return line
}

func TestKeyringFormat(t *testing.T) {
	a, b := "a:"+base64.StdEncoding.EncodeToString(make([]byte, 32)), "b.2_x-y:"+base64.StdEncoding.EncodeToString([]byte(strings.Repeat("k", 32)))
	tests := []struct {
		name    string
		text    string
		env     bool
		primary string
		ids     int
		wantErr string
	}{
		{"one key", a + "\n", false, "a", 1, ""},
		{"first line is primary; comments and blanks ignored", "# keys\n\n" + b + "\r\n" + a, false, "b.2_x-y", 2, ""},
		{"environment form separated by commas and spaces", b + ", " + a, true, "b.2_x-y", 2, ""},
		{"spaces do not separate in a file", b + " " + a, false, "", 0, "geen base64"},
		{"empty", "# nothing\n", false, "", 0, "geen sleutels"},
		{"no id", base64.StdEncoding.EncodeToString(make([]byte, 32)), false, "", 0, "verwacht id:base64sleutel"},
		{"bad id", "a/b:" + base64.StdEncoding.EncodeToString(make([]byte, 32)), false, "", 0, "verwacht id:base64sleutel"},
		{"short key", "a:" + base64.StdEncoding.EncodeToString(make([]byte, 16)), false, "", 0, "geen base64 van 32 bytes"},
		{"not base64", "a:!!!", false, "", 0, "geen base64"},
		{"duplicate id", a + "\n" + a, false, "", 0, "twee keer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := ParseKeyring(tt.text, tt.env)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if k.Primary() != tt.primary || len(k.IDs()) != tt.ids {
				t.Fatalf("primary %q ids %v", k.Primary(), k.IDs())
			}
		})
	}
}

func TestGeneratedKeyLinesParseAndDiffer(t *testing.T) {
	l1, l2 := keyLine(t), keyLine(t)
	if l1 == l2 {
		t.Fatal("two generated keys are equal")
	}
	k, err := ParseKeyring(l1+"\n"+l2, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(k.Primary(), "k"+time.Now().UTC().Format("20060102")+"-") {
		t.Fatalf("id %q does not carry the date", k.Primary())
	}
}
