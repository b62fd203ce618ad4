package auth

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"weerbaar/internal/audit"
	"weerbaar/internal/clocktest"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/valid"
	"weerbaar/internal/vault/vaulttest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// testPassword is long enough and on no list.
const testPassword = "lange testzin voor weerbaar"

// fixture is a service on a fresh database with a clock the test moves.
type fixture struct {
	t   *testing.T
	db  *store.DB
	s   *Service
	clk *clocktest.Clock
	ctx context.Context
}

// cheapArgon2 keeps tests fast; the default parameters have their own test
// and the benchmarks use them.
var cheapArgon2 = Argon2Params{Time: 1, MemoryKiB: 1024, Threads: 1}

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	clk := clocktest.New(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	s := NewService(db, audit.New(db), Options{Now: clk.Now, Argon2: cheapArgon2, Vault: vaulttest.New(t, db)})
	return &fixture{t: t, db: db, s: s, clk: clk, ctx: context.Background()}
}

func (f *fixture) org(code string) int64 {
	f.t.Helper()
	var id int64
	if err := f.db.QueryRowContext(f.ctx, `SELECT id FROM organisations WHERE code = $1`, code).Scan(&id); err != nil {
		f.t.Fatalf("organisation %s: %v", code, err)
	}
	return id
}

// account creates an account as the system; orgCode "" for none.
func (f *fixture) account(email string, role Role, orgCode string) Account {
	f.t.Helper()
	var org int64
	if orgCode != "" {
		org = f.org(orgCode)
	}
	a, err := f.s.CreateAccount(f.ctx, nil, NewAccount{Email: email, Name: string(role) + " (test)", Role: role, OrgID: org, Password: testPassword})
	if err != nil {
		f.t.Fatalf("create %s: %v", email, err)
	}
	return a
}

// login logs in with the password, sets up TOTP where the role needs it,
// and returns the session token, the principal and the TOTP secret ("" for
// a member without TOTP).
func (f *fixture) login(email string) (string, *Principal, string) {
	f.t.Helper()
	step, err := f.s.Login(f.ctx, email, testPassword, "192.0.2.10:5000")
	if err != nil {
		f.t.Fatalf("login %s: %v", email, err)
	}
	token, secret := step.Session, ""
	if step.NeedsTOTPSetup {
		var err error
		secret, _, err = f.s.BeginTOTPSetup(f.ctx, step.Pending)
		if err != nil {
			f.t.Fatalf("begin totp: %v", err)
		}
		token, _, err = f.s.ConfirmTOTPSetup(f.ctx, step.Pending, secret, f.code(secret), "192.0.2.10:5000")
		if err != nil {
			f.t.Fatalf("confirm totp: %v", err)
		}
	}
	p, err := f.s.Authenticate(f.ctx, token)
	if err != nil {
		f.t.Fatalf("authenticate %s: %v", email, err)
	}
	return token, p, secret
}

// code returns the TOTP code of secret at the clock's time.
func (f *fixture) code(secret string) string {
	f.t.Helper()
	c, err := totp.GenerateCode(secret, f.clk.Now())
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// audits counts audit rows with this action.
func (f *fixture) audits(action string) int {
	f.t.Helper()
	var n int
	if err := f.db.QueryRowContext(f.ctx, `SELECT COUNT(*) FROM audit_log WHERE action = $1`, action).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}

func (f *fixture) count(query string, args ...any) int {
	f.t.Helper()
	var n int
	if err := f.db.QueryRowContext(f.ctx, query, args...).Scan(&n); err != nil {
		f.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// problemCodes returns the validation codes in err, or the error text.
func problemCodes(err error) []string {
	if err == nil {
		return nil
	}
	v, ok := valid.As(err)
	if !ok {
		return []string{"error: " + err.Error()}
	}
	var out []string
	for _, p := range v.Problems {
		out = append(out, p.Field+":"+p.Code)
	}
	return out
}

func wantErr(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
}

func totpCodeAt(secret string, at time.Time) (string, error) { return totp.GenerateCode(secret, at) }
