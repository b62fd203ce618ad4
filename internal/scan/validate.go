package scan

import (
	"fmt"
	"regexp"
)

// lineError is a problem in a definition, with the text its line holds.
type lineError struct{ near, msg string }

func (e lineError) Error() string { return e.msg }

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// near is the text that marks the line of key k in the file.
func near(k string) string { return fmt.Sprintf(`"key": %q`, k) }

// validate checks what the loader cannot: every question in a known
// domain with a weight, every answer scored, every weak point with advice,
// conditions on earlier questions and answers that exist, every link to a
// catalogue item we know, every domain reachable.
func validate(d *Definition) error {
	if !slugRE.MatchString(d.Slug) || d.Version < 1 || d.Title == "" || d.Summary == "" {
		return lineError{`"slug"`, "slug, version, title and summary are required"}
	}
	if d.Audience != AudiencePerson && d.Audience != AudienceOrganisation {
		return lineError{`"audience"`, fmt.Sprintf("audience %q: want person or organisation", d.Audience)}
	}
	for _, o := range d.Offers {
		if o != OfferSupport && o != OfferVeiligWonen {
			return lineError{`"offers"`, fmt.Sprintf("unknown offer %q", o)}
		}
	}
	domains := map[string]int{}
	for _, dm := range d.Domains {
		if dm.Key == "" || dm.Title == "" || dm.Threshold < 1 || dm.Threshold > 100 {
			return lineError{near(dm.Key), fmt.Sprintf("domain %q: key, title and a threshold 1-100 are required", dm.Key)}
		}
		if _, dup := domains[dm.Key]; dup {
			return lineError{near(dm.Key), fmt.Sprintf("domain %q twice", dm.Key)}
		}
		domains[dm.Key] = 0
	}
	if len(d.Pages) == 0 {
		return lineError{`"pages"`, "a scan needs pages"}
	}
	seen := map[string]*Question{}
	for i, p := range d.Pages {
		if p.Title == "" || len(p.Questions) == 0 {
			return lineError{`"pages"`, fmt.Sprintf("page %d: a title and questions are required", i+1)}
		}
		for j := range p.Questions {
			q := &d.Pages[i].Questions[j]
			if err := validateQuestion(q, domains, seen); err != nil {
				return err
			}
			domains[q.Domain]++
		}
		// Conditions may only look back to earlier pages (a page is one
		// form without script), so add this page's questions afterwards.
		for j := range p.Questions {
			seen[p.Questions[j].Key] = &d.Pages[i].Questions[j]
		}
	}
	for _, dm := range d.Domains {
		if domains[dm.Key] == 0 {
			return lineError{near(dm.Key), fmt.Sprintf("domain %q has no questions", dm.Key)}
		}
	}
	return nil
}

func validateQuestion(q *Question, domains map[string]int, earlier map[string]*Question) error {
	at := func(format string, args ...any) error {
		return lineError{near(q.Key), fmt.Sprintf("question %q: ", q.Key) + fmt.Sprintf(format, args...)}
	}
	if !slugRE.MatchString(q.Key) || q.Text == "" {
		return at("a key (lower case, digits, hyphens) and a text are required")
	}
	if earlier[q.Key] != nil {
		return at("key used twice")
	}
	if _, ok := domains[q.Domain]; !ok {
		return at("unknown domain %q", q.Domain)
	}
	if q.Weight < 1 || q.Weight > 5 {
		return at("weight %d: want 1-5", q.Weight)
	}
	if len(q.Answers) < 2 {
		return at("at least two answers are required")
	}
	keys, weak, best := map[string]bool{}, false, false
	for _, a := range q.Answers {
		switch {
		case a.Key == "" || a.Text == "":
			return at("every answer needs a key and a text")
		case keys[a.Key]:
			return at("answer %q twice", a.Key)
		case a.Score == nil || *a.Score < 0 || *a.Score > 100:
			return at("answer %q: a score 0-100 is required", a.Key)
		}
		keys[a.Key] = true
		weak = weak || *a.Score < 100
		best = best || *a.Score == 100
	}
	if !best {
		return at("no answer scores 100, so the domain can never be in order")
	}
	if weak && q.Advice == "" {
		return at("a weak answer needs advice")
	}
	for _, l := range q.Links {
		if !KnownCatalogItem(l) {
			return at("link %q is not a catalogue item (see catalog_links.go)", l)
		}
	}
	if c := q.ShowIf; c != nil {
		prev := earlier[c.Question]
		if prev == nil {
			return at("showIf %q: not a question on an earlier page", c.Question)
		}
		if len(c.Answers) == 0 {
			return at("showIf needs answers")
		}
		for _, a := range c.Answers {
			if prev.Answer(a) == nil {
				return at("showIf answer %q is not an answer of %q", a, c.Question)
			}
		}
	}
	return nil
}
