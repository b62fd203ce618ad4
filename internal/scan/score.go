package scan

import "sort"

// Answers are the chosen answer keys by question key.
type Answers map[string]string

// Visible reports whether q is shown given the answers so far.
func Visible(q *Question, a Answers) bool {
	if q.ShowIf == nil {
		return true
	}
	got := a[q.ShowIf.Question]
	for _, want := range q.ShowIf.Answers {
		if got == want {
			return true
		}
	}
	return false
}

// DomainScore is how one domain came out: Score is the weighted mean of
// the answers' scores (0-100), -1 when no question of it was answered.
type DomainScore struct {
	Key, Title string
	Score      int
	Threshold  int
	Answered   int
	Attention  bool
}

// Advice is the advice for one weak point: a question answered below 100.
type Advice struct {
	Question, Answer string
	Domain           string
	Score            int
	Text             string
	Links            []string
}

// Outcome is a scored set of answers.
type Outcome struct {
	Domains   []DomainScore // in the definition's order
	Attention []DomainScore // domains below their threshold, weakest first
	Advice    []Advice      // weak points, domains needing attention first, weakest first
}

// Score scores a against d. Hidden questions and unanswered ones do not
// count; an answer that is no answer of its question is ignored.
func Score(d *Definition, a Answers) Outcome {
	type acc struct{ sum, weight, n int }
	per := map[string]*acc{}
	var advice []Advice
	for _, q := range d.Questions() {
		if !Visible(q.Question, a) {
			continue
		}
		ans := q.Answer(a[q.Key])
		if ans == nil {
			continue
		}
		c := per[q.Domain]
		if c == nil {
			c = &acc{}
			per[q.Domain] = c
		}
		c.sum += *ans.Score * q.Weight
		c.weight += q.Weight
		c.n++
		if *ans.Score < 100 {
			advice = append(advice, Advice{Question: q.Text, Answer: ans.Text, Domain: q.Domain,
				Score: *ans.Score, Text: q.Advice, Links: q.Links})
		}
	}
	var out Outcome
	rank := map[string]int{}
	for _, dm := range d.Domains {
		ds := DomainScore{Key: dm.Key, Title: dm.Title, Score: -1, Threshold: dm.Threshold}
		if c := per[dm.Key]; c != nil {
			// Rounded half up in integers, so both databases and every
			// platform agree.
			ds.Score = (2*c.sum + c.weight) / (2 * c.weight)
			ds.Answered = c.n
			ds.Attention = ds.Score < dm.Threshold
		}
		out.Domains = append(out.Domains, ds)
		if ds.Attention {
			out.Attention = append(out.Attention, ds)
		}
	}
	sort.SliceStable(out.Attention, func(i, j int) bool {
		return out.Attention[i].Score-out.Attention[i].Threshold < out.Attention[j].Score-out.Attention[j].Threshold
	})
	for i, ds := range out.Attention {
		rank[ds.Key] = i + 1
	}
	sort.SliceStable(advice, func(i, j int) bool {
		ri, rj := rankOf(rank, advice[i].Domain), rankOf(rank, advice[j].Domain)
		if ri != rj {
			return ri < rj
		}
		return advice[i].Score < advice[j].Score
	})
	out.Advice = advice
	return out
}

// rankOf puts domains needing attention first, in their order, then the rest.
func rankOf(rank map[string]int, domain string) int {
	if r, ok := rank[domain]; ok {
		return r
	}
	return 1 << 20
}

// Title is the title of domain key in d.
func (d *Definition) DomainTitle(key string) string {
	for _, dm := range d.Domains {
		if dm.Key == key {
			return dm.Title
		}
	}
	return key
}
