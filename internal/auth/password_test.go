package auth

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/valid"
)

func TestPasswordRulesFollowASVS(t *testing.T) {
	const email, name = "griffier@example.nl", "Griffier Utrecht"
	cases := []struct {
		rule, pw, want string // want: problem code or "" for accepted
	}{
		{"eleven characters are too short", "abcdefghijk", "password_too_short"},
		{"twelve characters are enough", "abcdefghijkl", ""},
		{"length counts characters, not bytes", "ëëëëëëëëëëë", "password_too_short"},
		{"no composition rules: lower case words only", "paard batterij niet", ""},
		{"128 characters are allowed", strings.Repeat("x", 126) + "yz", ""},
		{"129 characters are too long", strings.Repeat("x", 127) + "yz", "password_too_long"},
		{"a common password is refused", "masterbating", "password_common"},
		{"the common list ignores case", "MasterBating", "password_common"},
		{"the e-mail address is refused", "Griffier@Example.nl", "password_personal"},
		{"the name is refused", "griffier utrecht", "password_personal"},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			v := &valid.Error{}
			CheckPassword(v, c.pw, email, name)
			var got string
			if len(v.Problems) > 0 {
				got = v.Problems[0].Code
			}
			if got != c.want {
				t.Fatalf("CheckPassword(%q) = %q, want %q", c.pw, got, c.want)
			}
		})
	}
}

func TestCommonPasswordListShipsEveryZxcvbnEntryWithItsSource(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(commonPasswordsText), "\n")
	if !strings.Contains(lines[0], "github.com/ccojocar/zxcvbn-go") || !strings.Contains(lines[0], "Passwords.json") {
		t.Fatalf("first line does not name the source: %q", lines[0])
	}
	if n := len(commonPasswords()); n != 7141 {
		t.Fatalf("list has %d passwords, want all 7141 of Passwords.json", n)
	}
	for _, pw := range []string{"password", "123456", "Qwerty", "trustno1"} {
		if !IsCommonPassword(pw) {
			t.Errorf("%q not on the list", pw)
		}
	}
}

var phcPattern = regexp.MustCompile(`^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)

func TestPasswordsAreHashedWithArgon2idAtLeastOWASPParameters(t *testing.T) {
	db := storetest.SQLite(t)
	s := NewService(db, audit.New(db), Options{})
	ctx := context.Background()
	h, err := s.hashPassword(ctx, testPassword)
	if err != nil {
		t.Fatal(err)
	}
	if !phcPattern.MatchString(h) {
		t.Fatalf("hash %q is not argon2id PHC with m=19456,t=2,p=1", h)
	}
	h2, _ := s.hashPassword(ctx, testPassword)
	if h == h2 {
		t.Fatal("two hashes of one password are equal: no random salt")
	}
	for pw, want := range map[string]bool{testPassword: true, testPassword + " ": false} {
		ok, weaker, err := s.verifyPassword(ctx, h, pw)
		if err != nil || ok != want || weaker {
			t.Fatalf("verify(%q) = %v, %v, %v; want %v, false, nil", pw, ok, weaker, err, want)
		}
	}
}

func TestWeakerPasswordHashIsReplacedAtNextLogin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.account("raadslid@example.nl", RoleMember, "GM0344")
		stronger := NewService(db, audit.New(db), Options{Now: f.clk.Now, Argon2: Argon2Params{Time: 2, MemoryKiB: 2048, Threads: 1}})
		if _, err := stronger.Login(f.ctx, "raadslid@example.nl", testPassword, "192.0.2.1"); err != nil {
			t.Fatal(err)
		}
		var h string
		db.QueryRowContext(f.ctx, `SELECT password_hash FROM accounts WHERE email_key = 'raadslid@example.nl'`).Scan(&h)
		if !strings.Contains(h, "m=2048,t=2,p=1") {
			t.Fatalf("hash after login with stronger parameters = %q, want m=2048,t=2", h)
		}
		if _, err := stronger.Login(f.ctx, "raadslid@example.nl", testPassword, "192.0.2.1"); err != nil {
			t.Fatalf("login with the rehashed password: %v", err)
		}
	})
}

func TestCreateAccountRefusesBadPasswords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		_, err := f.s.CreateAccount(f.ctx, nil, NewAccount{Email: "wethouder@example.nl", Name: "Wethouder",
			Role: RoleMember, OrgID: f.org("GM0344"), Password: "pornographic"})
		if got := problemCodes(err); !slices.Equal(got, []string{"password:password_common"}) {
			t.Fatalf("problems = %v, want password_common", got)
		}
	})
}
