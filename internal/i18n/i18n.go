// Package i18n holds Weerbaar's interface text in Dutch and English and
// looks it up by key. The catalogues are JSON files embedded in the binary;
// Dutch is the first language and the fallback.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Default is the language shown when a person has not chosen one.
const Default = "nl"

// Langs returns the supported languages in the order the switch shows them.
func Langs() []string { return []string{"nl", "en"} }

// Each language has a folder of catalogue files, one per area of the
// interface (shell.json, incident.json, accounts.json, ...), so features
// add their text without touching each other's files. A key may appear in
// only one file of a language.
//
//go:embed nl/*.json en/*.json
var files embed.FS

// Catalog maps language to key to message. It is read once at start and
// never changed, so it is safe for concurrent use.
type Catalog struct {
	msgs map[string]map[string]string
}

// Load reads the embedded catalogues.
func Load() (*Catalog, error) {
	c := &Catalog{msgs: map[string]map[string]string{}}
	for _, lang := range Langs() {
		m, err := loadLang(lang)
		if err != nil {
			return nil, err
		}
		c.msgs[lang] = m
	}
	return c, nil
}

// loadLang merges every catalogue file of lang, refusing a key that two
// files both define.
func loadLang(lang string) (map[string]string, error) {
	names, err := fs.Glob(files, lang+"/*.json")
	if err != nil {
		return nil, fmt.Errorf("i18n: %s: %w", lang, err)
	}
	all := map[string]string{}
	from := map[string]string{}
	for _, name := range names {
		b, err := files.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", name, err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", name, err)
		}
		for k, v := range m {
			if prev, dup := from[k]; dup {
				return nil, fmt.Errorf("i18n: key %q is in both %s and %s", k, prev, name)
			}
			all[k], from[k] = v, name
		}
	}
	return all, nil
}

// Supported reports whether lang is one of Langs.
func Supported(lang string) bool { return slices.Contains(Langs(), lang) }

// T returns the message for key in lang, formatted with args as
// fmt.Sprintf does (extra args are ignored). An unknown language falls back to Dutch; an unknown key
// returns the key itself so the gap is visible (and a test fails on it).
func (c *Catalog) T(lang, key string, args ...any) string {
	m, ok := c.msgs[lang]
	if !ok {
		m = c.msgs[Default]
	}
	msg, ok := m[key]
	if !ok {
		return key
	}
	if len(args) == 0 || !strings.Contains(msg, "%") {
		return msg
	}
	// A message may use fewer values than the caller passes (a validation
	// code is shared by fields that pass different details); drop the rest.
	out := fmt.Sprintf(msg, args...)
	if i := strings.Index(out, "%!(EXTRA "); i >= 0 {
		out = out[:i]
	}
	return out
}

// Has reports whether key exists in lang.
func (c *Catalog) Has(lang, key string) bool {
	_, ok := c.msgs[lang][key]
	return ok
}

// Keys returns every key of lang, sorted.
func (c *Catalog) Keys(lang string) []string {
	keys := make([]string, 0, len(c.msgs[lang]))
	for k := range c.msgs[lang] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
