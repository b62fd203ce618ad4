package scans

import (
	"net/http"

	"weerbaar/internal/scan"
	"weerbaar/internal/valid"
	"weerbaar/internal/web"
)

// stepView is one page of a take.
type stepView struct {
	Scan      *scan.Definition
	Page      *scan.Page
	Step      int
	Steps     int
	Percent   int
	Action    string
	Questions []web.Field
	First     bool
}

// step shows page n of an open take, with the answers given so far.
func (s *Server) step(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "scans.title")
	res, d, ok := s.openTake(w, r, p)
	if !ok {
		return
	}
	n := int(pathInt(r, "n"))
	if n < 1 || n > len(d.Pages) || n > res.Page {
		http.Redirect(w, r, stepHref(res.ID, res.Page), http.StatusSeeOther)
		return
	}
	p.Data = s.view(p, d, res, n)
	s.Render(w, r, http.StatusOK, "scans_step", p)
}

// save stores the page's answers and goes on as the button pressed says.
func (s *Server) save(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "scans.title")
	f := web.NewForm(r)
	id, n := pathInt(r, "id"), int(pathInt(r, "n"))
	given := scan.Answers{}
	for k := range f.Values {
		given[k] = f.Get(k)
	}
	step := scan.Step(f.Get("actie"))
	if step != scan.StepBack && step != scan.StepPause {
		step = scan.StepNext
	}
	res, err := s.scans.SavePage(r.Context(), p.Principal, id, n, given, step)
	if v, ok := valid.As(err); ok {
		s.problems(w, r, p, f, v, n)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.scans.Definition(res)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	switch {
	case step == scan.StepPause:
		s.SetFlash(w, r, "ok", "flash.scans.paused")
		http.Redirect(w, r, "/scans", http.StatusSeeOther)
	case step == scan.StepBack:
		http.Redirect(w, r, stepHref(id, d.PrevPage(res.Answers, n)), http.StatusSeeOther)
	case res.Status == scan.StatusDone:
		s.SetFlash(w, r, "ok", "flash.scans.done")
		http.Redirect(w, r, resultHref(id), http.StatusSeeOther)
	default:
		http.Redirect(w, r, stepHref(id, d.NextPage(res.Answers, n)), http.StatusSeeOther)
	}
}

// problems draws the page again with what was chosen kept and each
// missing answer named at its question.
func (s *Server) problems(w http.ResponseWriter, r *http.Request, p *web.Page, f *web.Form, v *valid.Error, n int) {
	res, d, ok := s.openTake(w, r, p)
	if !ok {
		return
	}
	number := map[string]int{}
	for i, q := range d.Pages[n-1].Questions {
		number[q.Key] = i + 1
	}
	for _, pr := range v.Problems {
		f.AddError(pr.Field, p.T("scans.problem."+pr.Code, number[pr.Field]))
	}
	p.Form = f
	p.Data = s.view(p, d, res, n)
	s.Render(w, r, http.StatusUnprocessableEntity, "scans_step", p)
}

// openTake loads the take of the path; a finished one goes to its result.
func (s *Server) openTake(w http.ResponseWriter, r *http.Request, p *web.Page) (*scan.Result, *scan.Definition, bool) {
	res, err := s.scans.Get(r.Context(), p.Principal, pathInt(r, "id"))
	if err == nil && res.Status == scan.StatusDone {
		http.Redirect(w, r, resultHref(res.ID), http.StatusSeeOther)
		return nil, nil, false
	}
	var d *scan.Definition
	if err == nil {
		d, err = s.scans.Definition(res)
	}
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return res, d, true
}

// view builds page n: one radio group per shown question, with the
// posted choice (after a problem) or the stored one.
func (s *Server) view(p *web.Page, d *scan.Definition, res *scan.Result, n int) stepView {
	v := stepView{Scan: d, Page: &d.Pages[n-1], Step: n, Steps: len(d.Pages), Action: stepHref(res.ID, n), First: n == 1}
	v.Percent = 100 * (n - 1) / v.Steps
	errs := map[string][]string{}
	if p.Form != nil {
		for _, e := range p.Form.Summary() {
			errs[e.Field] = append(errs[e.Field], e.Message)
		}
	}
	for i := range v.Page.Questions {
		q := &v.Page.Questions[i]
		if !scan.Visible(q, res.Answers) {
			continue
		}
		f := web.Field{ID: "veld-" + q.Key, Name: q.Key, Label: q.Text, Description: q.Hint, Required: true,
			Errors: errs[q.Key]}
		if p.Form != nil {
			f.Values = p.Form.Values[q.Key]
		} else if a := res.Answers[q.Key]; a != "" {
			f.Values = []string{a}
		}
		opts := make([]web.Option, len(q.Answers))
		for j, a := range q.Answers {
			opts[j] = web.Option{Value: a.Key, Label: a.Text}
		}
		v.Questions = append(v.Questions, f.WithOptions(opts))
	}
	return v
}
