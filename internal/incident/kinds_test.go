package incident

import "testing"

func TestEveryKindMapsToAVPTCategory(t *testing.T) {
	if len(Kinds()) != 14 {
		t.Fatalf("the issue names 14 kinds, the table has %d", len(Kinds()))
	}
	used := map[VPTCategory]bool{}
	for _, k := range Kinds() {
		c, ok := k.VPT()
		if !ok || !oneOf(c, VPTCategories) {
			t.Errorf("kind %s maps to %q, not a VPT category", k, c)
		}
		used[c] = true
	}
	for _, c := range VPTCategories {
		if !used[c] {
			t.Errorf("VPT category %s has no kind: figures would always show zero", c)
		}
	}
	if Kind("hacking").Valid() {
		t.Error("an unknown kind must not be valid")
	}
}
