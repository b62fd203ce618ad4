package incident

import (
	"math"
	"math/big"
	"strings"
	"testing"
)

func TestReceiptCodeCarriesAtLeast80SecretBits(t *testing.T) {
	// The claim: the secret part has 32^16 = 2^80 equally likely values.
	space := new(big.Int).Exp(big.NewInt(int64(len(receiptAlphabet))), big.NewInt(receiptSecretLen), nil)
	if space.Cmp(new(big.Int).Lsh(big.NewInt(1), 80)) < 0 {
		t.Fatalf("secret space %s is below 2^80", space)
	}
	if ReceiptSecretBits < 80 {
		t.Fatalf("ReceiptSecretBits = %d", ReceiptSecretBits)
	}
	if len(receiptAlphabet) != 32 || distinct(receiptAlphabet) != 32 {
		t.Fatal("alphabet must hold 32 distinct symbols for 5 bits each")
	}
	// And the generator really uses it: every position is uniform over all
	// 32 symbols (chi-square test, 31 degrees of freedom; 70 is far beyond
	// the 0.9999 quantile ~ 66.6, so a correct generator fails about once
	// in ten thousand runs per position... we allow a generous 80).
	const n = 32 * 300
	counts := make([][32]int, receiptLen)
	seen := make(map[ReceiptCode]bool, n)
	for i := 0; i < n; i++ {
		c, err := NewReceiptCode()
		if err != nil {
			t.Fatal(err)
		}
		if seen[c] {
			t.Fatalf("code %d repeats an earlier one", i)
		}
		seen[c] = true
		for p := 0; p < receiptLen; p++ {
			counts[p][strings.IndexByte(receiptAlphabet, c[p])]++
		}
	}
	for p, cs := range counts {
		chi := 0.0
		for _, k := range cs {
			d := float64(k) - n/32.0
			chi += d * d / (n / 32.0)
		}
		if chi > 80 || math.IsNaN(chi) {
			t.Errorf("position %d not uniform: chi-square %.1f over 31 d.f.", p, chi)
		}
	}
}

func distinct(s string) int {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return len(m)
}

func TestReceiptCodeIsWrittenInGroupsOfFourAndReadBackLeniently(t *testing.T) {
	c, err := NewReceiptCode()
	if err != nil {
		t.Fatal(err)
	}
	shown := c.String()
	if len(shown) != 24 || strings.Count(shown, "-") != 4 {
		t.Fatalf("shown as %q, want XXXX-XXXX-XXXX-XXXX-XXXX", shown)
	}
	for _, typed := range []string{shown, strings.ToLower(shown), strings.ReplaceAll(shown, "-", " "), " " + string(c) + " "} {
		got, err := ParseReceiptCode(typed)
		if err != nil || got != c {
			t.Errorf("ParseReceiptCode(%q) = %q, %v; want %q", typed, got, err, c)
		}
	}
	// Crockford's look-alikes are read as the digits they resemble.
	got, err := ParseReceiptCode("OIL0-1111-2222-3333-4444")
	if err != nil || got != "01101111222233334444" {
		t.Errorf("look-alikes: got %q, %v", got, err)
	}
	for _, bad := range []string{"", "ABCD", "ABCD-EFGH-JKMN-PQRS-TVWU", "ABCD-EFGH-JKMN-PQRS-TVWXY", "ÄBCD-EFGH-JKMN-PQRS-TVWX"} {
		if _, err := ParseReceiptCode(bad); err == nil {
			t.Errorf("ParseReceiptCode(%q) accepted", bad)
		}
	}
}

func TestReceiptHashVerifiesOnlyTheRightCode(t *testing.T) {
	c, _ := NewReceiptCode()
	stored, err := hashReceipt(c)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stored, string(c)) || strings.Contains(stored, string(c[receiptLookupLen:])) {
		t.Fatal("stored hash contains the code")
	}
	if !strings.HasPrefix(stored, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("stored form %q is not argon2id with the chosen parameters", stored)
	}
	if !receiptMatches(c, stored) {
		t.Fatal("right code refused")
	}
	other := []byte(c)
	other[len(other)-1] = receiptAlphabet[(strings.IndexByte(receiptAlphabet, other[len(other)-1])+1)%32]
	if receiptMatches(ReceiptCode(other), stored) {
		t.Fatal("code differing in one symbol accepted")
	}
	again, _ := hashReceipt(c)
	if again == stored {
		t.Fatal("two hashes of one code are equal: the salt is not random")
	}
	for _, broken := range []string{"", "$argon2id$v=19$m=0,t=2,p=1$AAAA$AAAA", "$bcrypt$x"} {
		if receiptMatches(c, broken) {
			t.Errorf("malformed stored hash %q matched", broken)
		}
	}
}
