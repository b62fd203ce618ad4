package scan

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestEmbeddedDefinitionsAreValid loads every scan the binary carries and
// checks what the loader promises beyond parsing: the six scans of the
// issue, every question and every advice reachable by some answers, every
// link a catalogue item.
func TestEmbeddedDefinitionsAreValid(t *testing.T) {
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"persoonlijke-veiligheid", "woningscan", "basisscan-integriteit",
		"kandidaat-volksvertegenwoordiger", "weerbaarheidsscan-organisatie", "datavolwassenheidsscan"}
	for _, slug := range want {
		if lib.Get(slug) == nil {
			t.Errorf("scan %s missing", slug)
		}
	}
	for _, d := range lib.All() {
		all := showAll(d)
		for _, q := range d.Questions() {
			if !Visible(q.Question, all) {
				t.Errorf("%s: question %s can never be shown", d.Slug, q.Key)
			}
			for _, l := range q.Links {
				if !strings.HasPrefix(CatalogHref(l), "/catalogus/") || !KnownCatalogItem(l) {
					t.Errorf("%s: link %s", d.Slug, l)
				}
			}
		}
		// The weakest answers everywhere give advice for every question
		// that has a weak answer: every advice is reachable.
		out := Score(d, weakest(d))
		n := 0
		for _, q := range d.Questions() {
			if q.Advice != "" {
				n++
			}
		}
		if len(out.Advice) != n {
			t.Errorf("%s: %d advices reached, want %d", d.Slug, len(out.Advice), n)
		}
	}
}

// showAll answers each question with an answer that opens conditions.
func showAll(d *Definition) Answers {
	a := Answers{}
	for _, q := range d.Questions() {
		a[q.Key] = q.Answers[0].Key
	}
	for _, q := range d.Questions() {
		if c := q.ShowIf; c != nil {
			a[c.Question] = c.Answers[0]
		}
	}
	return a
}

// weakest answers each question with its lowest score, keeping the
// answers that conditions need.
func weakest(d *Definition) Answers {
	a := showAll(d)
	need := map[string]bool{}
	for _, q := range d.Questions() {
		if q.ShowIf != nil {
			need[q.ShowIf.Question] = true
		}
	}
	for _, q := range d.Questions() {
		if need[q.Key] {
			continue
		}
		low := q.Answers[0]
		for _, x := range q.Answers {
			if *x.Score < *low.Score {
				low = x
			}
		}
		a[q.Key] = low.Key
	}
	return a
}

func TestBrokenDefinitionIsRefusedWithItsLine(t *testing.T) {
	good := `{
  "slug": "proef", "version": 1, "audience": "person", "title": "Proef", "summary": "s", "intro": "",
  "offers": [], "domains": [{"key": "a", "title": "A", "threshold": 50}],
  "pages": [{"title": "P", "intro": "", "questions": [
    {"key": "q1", "domain": "a", "weight": 1, "text": "Vraag?", "advice": "Doe iets.", "links": [],
     "answers": [{"key": "ja", "text": "Ja", "score": 100}, {"key": "nee", "text": "Nee", "score": 0}]}
  ]}]
}`
	if _, err := Parse([]byte(good)); err != nil {
		t.Fatalf("good definition refused: %v", err)
	}
	cases := []struct{ name, from, to, want string }{
		{"unknown domain", `"domain": "a"`, `"domain": "b"`, "line 5: question \"q1\": unknown domain"},
		{"no advice", `"advice": "Doe iets."`, `"advice": ""`, "line 5: question \"q1\": a weak answer needs advice"},
		{"no score", `"score": 0`, `"scor": 0`, "line 6:"},
		{"unknown link", `"links": []`, `"links": ["bestaat-niet"]`, "line 5: question \"q1\": link \"bestaat-niet\""},
		{"syntax", `"score": 100}`, `"score": 100`, "line 6:"},
		{"weight", `"weight": 1`, `"weight": 9`, "line 5: question \"q1\": weight 9"},
		{"condition on itself", `"links": []`, `"links": [], "showIf": {"question": "q1", "answers": ["ja"]}`, "not a question on an earlier page"},
		{"no best answer", `"score": 100`, `"score": 90`, "no answer scores 100"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bad := strings.Replace(good, c.from, c.to, 1)
			_, err := Parse([]byte(bad))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want it to contain %q", err, c.want)
			}
		})
	}
	fsys := fstest.MapFS{"d/a.json": {Data: []byte(good)}, "d/b.json": {Data: []byte(strings.Replace(good, `"weight": 1`, `"weight": 0`, 1))}}
	if _, err := LoadFS(fsys, "d"); err == nil || !strings.Contains(err.Error(), "d/b.json: line 5") {
		t.Fatalf("LoadFS: %v, want the broken file and line named", err)
	}
}
