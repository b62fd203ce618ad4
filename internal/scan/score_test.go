package scan

import (
	"reflect"
	"testing"
)

func lib(t *testing.T) *Library {
	t.Helper()
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// best answers every question with a score of 100.
func best(d *Definition) Answers {
	a := showAll(d)
	for _, q := range d.Questions() {
		for _, x := range q.Answers {
			if *x.Score == 100 && (q.ShowIf == nil || Visible(q.Question, a)) {
				if _, cond := conditionKeys(d)[q.Key]; !cond {
					a[q.Key] = x.Key
				}
				break
			}
		}
	}
	return a
}

func conditionKeys(d *Definition) map[string]bool {
	m := map[string]bool{}
	for _, q := range d.Questions() {
		if q.ShowIf != nil {
			m[q.ShowIf.Question] = true
		}
	}
	return m
}

func TestEveryScanInOrderGivesNoAttentionAndNoAdvice(t *testing.T) {
	for _, d := range lib(t).All() {
		out := Score(d, best(d))
		for _, ds := range out.Domains {
			if ds.Score != 100 || ds.Attention {
				t.Errorf("%s/%s: score %d attention %v, want 100 and none", d.Slug, ds.Key, ds.Score, ds.Attention)
			}
		}
		if len(out.Attention) != 0 || len(out.Advice) != 0 {
			t.Errorf("%s: attention %v advice %d, want none", d.Slug, out.Attention, len(out.Advice))
		}
	}
}

func TestWeakestAnswersPutEveryDomainUnderAttention(t *testing.T) {
	want := map[string]map[string]int{
		"persoonlijke-veiligheid": {"online": 0, "routines": 0, "woning": 0, "gezin": 0, "sociale-media": 0, "dreiging": 0},
		"woningscan":              {"toegang": 0, "verlichting": 0, "adres": 0, "post": 0, "camera": 0, "huishouden": 0},
		// The question whether one has side jobs is neutral (both 100,
		// weight 1); the one whether they fit weighs 3: (100+0)/4 = 25. Debts
		// (0, weight 3) and undisclosed interests (25, weight 2): 50/5 = 10.
		"basisscan-integriteit":            {"financieel": 10, "nevenfuncties": 25, "relaties": 0, "verleden": 0, "druk": 0},
		"kandidaat-volksvertegenwoordiger": {"integriteit": 0, "zichtbaarheid": 0, "weerbaarheid": 0},
		"weerbaarheidsscan-organisatie":    {"processen": 0, "intern": 0, "extern": 0, "norm": 0, "melden": 0},
		"datavolwassenheidsscan":           {"beschikbaar": 0, "kwaliteit": 0, "delen": 0, "analyse": 0, "interventies": 0},
	}
	for _, d := range lib(t).All() {
		out := Score(d, weakest(d))
		got := map[string]int{}
		for _, ds := range out.Domains {
			got[ds.Key] = ds.Score
			if !ds.Attention {
				t.Errorf("%s/%s: no attention at %d", d.Slug, ds.Key, ds.Score)
			}
		}
		if !reflect.DeepEqual(got, want[d.Slug]) {
			t.Errorf("%s: scores %v, want %v", d.Slug, got, want[d.Slug])
		}
	}
}

// TestWoningscanMixedAnswers is one household's answers worked out by hand.
func TestWoningscanMixedAnswers(t *testing.T) {
	d := lib(t).Get("woningscan")
	a := Answers{
		"sloten-skg": "deels", "achterom": "ja", "ramen-boven": "nee", "deurspion": "ja", // (50*3+100*2+0*1+100*2)/8 = 68.75
		"buitenlicht": "ja", "beplanting": "ja", // (100*2+0*1)/3 = 66.7
		"brp-afscherming": "ja", "naambordje": "nee", // 100
		"post-werk": "nee", "verdacht-pakket": "ja", // 50, threshold 60
		"alarm": "nee", "camera": "ja", // 50, threshold 50: in order
		"partner-betrokken": "ja", "afspraken": "ja", "noodnummer": "ja",
	}
	out := Score(d, a)
	scores := map[string]int{}
	for _, ds := range out.Domains {
		scores[ds.Key] = ds.Score
	}
	wantScores := map[string]int{"toegang": 69, "verlichting": 67, "adres": 100, "post": 50, "camera": 50, "huishouden": 100}
	if !reflect.DeepEqual(scores, wantScores) {
		t.Fatalf("scores %v, want %v", scores, wantScores)
	}
	var attention []string
	for _, ds := range out.Attention {
		attention = append(attention, ds.Key)
	}
	if want := []string{"post", "verlichting", "toegang"}; !reflect.DeepEqual(attention, want) {
		t.Errorf("attention %v, want %v (furthest below threshold first)", attention, want)
	}
	var advice []string
	for _, ad := range out.Advice {
		advice = append(advice, d.questionKey(ad.Question))
	}
	if want := []string{"post-werk", "beplanting", "ramen-boven", "sloten-skg", "alarm"}; !reflect.DeepEqual(advice, want) {
		t.Errorf("advice %v, want %v", advice, want)
	}
}

func TestHiddenQuestionDoesNotCount(t *testing.T) {
	d := lib(t).Get("basisscan-integriteit")
	a := best(d)
	a["nevenfuncties"] = "nee"
	a["nevenfuncties-verenigbaar"] = "nee" // left over from before: hidden now
	out := Score(d, a)
	for _, ds := range out.Domains {
		if ds.Key == "nevenfuncties" && (ds.Score != 100 || ds.Answered != 1) {
			t.Errorf("nevenfuncties: %+v, want 100 from the one shown question", ds)
		}
	}
	if len(out.Advice) != 0 {
		t.Errorf("advice for a hidden question: %+v", out.Advice)
	}
}

func (d *Definition) questionKey(text string) string {
	for _, q := range d.Questions() {
		if q.Text == text {
			return q.Key
		}
	}
	return ""
}
