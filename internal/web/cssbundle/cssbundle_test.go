package cssbundle

import (
	"strings"
	"testing"
)

func TestComponentsDropsOnlyRulesThatCannotMatch(t *testing.T) {
	lib := `/** license */
@charset "UTF-8";
.utrecht-button { color: red; }
.utrecht-accordion { color: blue; }
.utrecht-accordion, .utrecht-button--primary { margin: 0; }
.utrecht-html .utrecht-button { padding: 0; }
.utrecht-button:not(.utrecht-accordion) { gap: 1px; }
html { font-size: 1rem; }
@media screen { .utrecht-accordion { top: 0; } }
@media print { .utrecht-button__label { top: 1px; } }
@keyframes utrecht-fade { from { opacity: 0; } }
a[href=".utrecht-x"] { content: "}"; }
`
	got, err := Components([]byte(lib), []string{"button"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{"/** license */", `@charset "UTF-8";`, ".utrecht-button { color: red; }",
		".utrecht-accordion, .utrecht-button--primary { margin: 0; }", ".utrecht-button:not(.utrecht-accordion)",
		"html { font-size: 1rem; }", "@media print { .utrecht-button__label { top: 1px; } }", "@keyframes utrecht-fade",
		`a[href=".utrecht-x"] { content: "}"; }`} {
		if !strings.Contains(s, want) {
			t.Errorf("bundle lacks %q:\n%s", want, s)
		}
	}
	for _, gone := range []string{"color: blue", ".utrecht-html", "@media screen"} {
		if strings.Contains(s, gone) {
			t.Errorf("bundle keeps %q, which cannot match:\n%s", gone, s)
		}
	}
	if m := Missing(got, []string{"button", "nosuch"}); len(m) != 1 || m[0] != "nosuch" {
		t.Errorf("Missing = %v, want [nosuch]", m)
	}
}

func TestThemeKeepsTokensReachedThroughVarChains(t *testing.T) {
	theme := "/** notice */\n\n.voorbeeld-theme {\n  --a: var(--b);\n  --b: 1px; /* [code-only] */\n  --c: var(--d);\n  --d: red;\n  --e: var(--a);\n}\n"
	got, trimmed := Theme([]byte(theme), ".voorbeeld-theme", []byte(".x { gap: var(--e, 0); }"))
	if !trimmed {
		t.Fatal("theme not trimmed")
	}
	want := "/** notice */\n\n.voorbeeld-theme {\n  --a: var(--b);\n  --b: 1px;\n  --e: var(--a);\n}\n"
	if string(got) != want {
		t.Errorf("Theme =\n%s\nwant\n%s", got, want)
	}
}

func TestThemeOfUnknownShapeIsKeptWhole(t *testing.T) {
	for name, theme := range map[string]string{
		"other selector":     ".voorbeeld-theme { --a: 1px; }\n:root { --b: 2px; }\n",
		"media wrapper":      ".voorbeeld-theme { --a: 1px; }\n@media (prefers-color-scheme: dark) { .voorbeeld-theme { --a: 2px; } }\n",
		"normal declaration": ".voorbeeld-theme { --a: 1px; color: red; }\n",
	} {
		got, trimmed := Theme([]byte(theme), ".voorbeeld-theme", []byte("var(--a)"))
		if trimmed || string(got) != theme {
			t.Errorf("%s: trimmed=%v, got %q; want the theme whole", name, trimmed, got)
		}
	}
}
