package scan

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed definitions/*.json
var definitionFiles embed.FS

// Audience says who takes a scan: a person about themselves, or a
// coördinator for their organisation.
type Audience string

const (
	AudiencePerson       Audience = "person"
	AudienceOrganisation Audience = "organisation"
)

// Offer is a follow-up a result can start with one click.
type Offer string

const (
	OfferSupport     Offer = "ondersteuning"
	OfferVeiligWonen Offer = "veilig-wonen"
)

// Definition is one scan as its file describes it.
type Definition struct {
	Slug     string   `json:"slug"`
	Version  int      `json:"version"`
	Audience Audience `json:"audience"`
	Title    string   `json:"title"`
	Summary  string   `json:"summary"`
	Intro    string   `json:"intro"`
	Offers   []Offer  `json:"offers"`
	Domains  []Domain `json:"domains"`
	Pages    []Page   `json:"pages"`
}

// Domain is a theme a scan scores separately; below Threshold (0-100) it
// needs attention.
type Domain struct {
	Key       string `json:"key"`
	Title     string `json:"title"`
	Threshold int    `json:"threshold"`
}

// Page is one screen of questions.
type Page struct {
	Title     string     `json:"title"`
	Intro     string     `json:"intro"`
	Questions []Question `json:"questions"`
}

// Question is one question; ShowIf, when set, shows it only after one of
// the given answers to an earlier question.
type Question struct {
	Key     string   `json:"key"`
	Domain  string   `json:"domain"`
	Weight  int      `json:"weight"`
	Text    string   `json:"text"`
	Hint    string   `json:"hint"`
	ShowIf  *ShowIf  `json:"showIf"`
	Answers []Answer `json:"answers"`
	// Advice is shown when the answer given scores below 100 (a weak
	// point); Links are catalogue slugs that help with it.
	Advice string   `json:"advice"`
	Links  []string `json:"links"`
}

// ShowIf is the condition of a question.
type ShowIf struct {
	Question string   `json:"question"`
	Answers  []string `json:"answers"`
}

// Answer is one option with its score (0 = weakest, 100 = as it should be).
type Answer struct {
	Key   string `json:"key"`
	Text  string `json:"text"`
	Score *int   `json:"score"`
}

// Questions lists every question in order, each with its page (1-based).
func (d *Definition) Questions() []PagedQuestion {
	var out []PagedQuestion
	for i, p := range d.Pages {
		for j := range p.Questions {
			out = append(out, PagedQuestion{Page: i + 1, Question: &d.Pages[i].Questions[j]})
		}
	}
	return out
}

// PagedQuestion is a question with the page it is on.
type PagedQuestion struct {
	Page int
	*Question
}

// Question returns the question with key, or nil.
func (d *Definition) Question(key string) *Question {
	for _, q := range d.Questions() {
		if q.Key == key {
			return q.Question
		}
	}
	return nil
}

// Answer returns the answer with key, or nil.
func (q *Question) Answer(key string) *Answer {
	for i := range q.Answers {
		if q.Answers[i].Key == key {
			return &q.Answers[i]
		}
	}
	return nil
}

// Has reports whether the scan offers o.
func (d *Definition) Has(o Offer) bool {
	for _, x := range d.Offers {
		if x == o {
			return true
		}
	}
	return false
}

// Library is the set of scans the binary carries, by slug.
type Library struct {
	bySlug map[string]*Definition
	order  []*Definition
}

// Load reads and validates every embedded definition; one broken file
// refuses them all, naming the file and the line at fault.
func Load() (*Library, error) { return LoadFS(definitionFiles, "definitions") }

// LoadFS reads the *.json definitions in dir of fsys.
func LoadFS(fsys fs.FS, dir string) (*Library, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	lib := &Library{bySlug: map[string]*Definition{}}
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		d, err := Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("scan: %s: %w", name, err)
		}
		if lib.bySlug[d.Slug] != nil {
			return nil, fmt.Errorf("scan: %s: slug %q twice", name, d.Slug)
		}
		lib.bySlug[d.Slug] = d
		lib.order = append(lib.order, d)
	}
	sort.SliceStable(lib.order, func(i, j int) bool { return lib.order[i].Title < lib.order[j].Title })
	return lib, nil
}

// Get returns the scan with slug, or nil.
func (l *Library) Get(slug string) *Definition { return l.bySlug[slug] }

// All lists the scans by title.
func (l *Library) All() []*Definition { return l.order }

// Parse decodes one definition strictly (unknown fields refused) and
// validates it. Errors name the line at fault.
func Parse(raw []byte) (*Definition, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var d Definition
	if err := dec.Decode(&d); err != nil {
		line := lineAt(raw, decodeOffset(dec, err))
		// The decoder reports an unknown field only after its object: find
		// the field itself.
		if _, field, ok := strings.Cut(err.Error(), "unknown field "); ok {
			line = lineOf(raw, field+":")
		}
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	if err := validate(&d); err != nil {
		var le lineError
		if errors.As(err, &le) {
			return nil, fmt.Errorf("line %d: %s", lineOf(raw, le.near), le.msg)
		}
		return nil, err
	}
	return &d, nil
}

// decodeOffset is where in the input the decoder stopped on err.
func decodeOffset(dec *json.Decoder, err error) int64 {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return se.Offset
	case errors.As(err, &te):
		return te.Offset
	}
	return dec.InputOffset()
}

// lineAt is the 1-based line of byte offset off.
func lineAt(raw []byte, off int64) int {
	if off > int64(len(raw)) {
		off = int64(len(raw))
	}
	return bytes.Count(raw[:off], []byte("\n")) + 1
}

// lineOf is the line of the first occurrence of near ("key": "x" written
// with any spacing), or 1.
func lineOf(raw []byte, near string) int {
	for i, line := range strings.Split(string(raw), "\n") {
		if strings.Contains(strings.ReplaceAll(line, " ", ""), strings.ReplaceAll(near, " ", "")) {
			return i + 1
		}
	}
	return 1
}
