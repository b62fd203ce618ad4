package scan

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// Step is what the person did on a page.
type Step string

const (
	StepNext  Step = "volgende" // answers complete: on to the next page (or finish)
	StepBack  Step = "vorige"   // keep what is answered, back one page
	StepPause Step = "later"    // keep what is answered, continue later
)

// SavePage stores the answers given on page (1-based) of result id and
// moves on as step says. StepNext needs every shown question of the page
// answered (problems at field q.Key, code "scan_answer"); any answer
// that is not an option is refused (code "scan_choice"). Answers to questions
// that a changed answer now hides are dropped. It returns the result as
// saved; Status is StatusDone after the last page.
func (s *Service) SavePage(ctx context.Context, p *auth.Principal, id int64, page int, given Answers, step Step) (*Result, error) {
	var out *Result
	var refused *Result
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		r, err := load(ctx, tx, id)
		if err != nil {
			return err
		}
		if !allowed(p, ActAnswer, &r.Result) {
			refused = &r.Result
			return ErrForbidden
		}
		if r.Status == StatusDone {
			return fmt.Errorf("scan result %d: %w", id, ErrFinished)
		}
		d, err := s.Definition(&r.Result)
		if err != nil {
			return err
		}
		if page < 1 || page > len(d.Pages) || page > r.Page {
			return fmt.Errorf("scan result %d: page %d: %w", id, page, ErrNotFound)
		}
		if err := s.open(ctx, tx, r); err != nil {
			return err
		}
		if err := merge(d, r.Answers, page, given, step == StepNext); err != nil {
			return err
		}
		advance(d, &r.Result, page, step, s.clock())
		if err := s.write(ctx, tx, r); err != nil {
			return err
		}
		out = &r.Result
		if r.Status == StatusDone {
			return s.audit.Write(ctx, tx, event(p, &r.Result, "scan.finish"))
		}
		return nil
	})
	if refused != nil {
		return nil, s.deny(ctx, p, ActAnswer, refused)
	}
	return out, err
}

// merge puts the page's answers into all, checking them.
func merge(d *Definition, all Answers, page int, given Answers, complete bool) error {
	e := &valid.Error{}
	for _, q := range d.Pages[page-1].Questions {
		v := given[q.Key]
		delete(all, q.Key)
		if !Visible(&q, all) {
			continue
		}
		switch {
		case v == "" && complete:
			e.Add(q.Key, "scan_answer")
		case v == "":
		case q.Answer(v) == nil:
			e.Add(q.Key, "scan_choice")
		default:
			all[q.Key] = v
		}
	}
	if err := e.Err(); err != nil {
		return err
	}
	// A changed answer may hide later questions: forget their answers.
	for _, q := range d.Questions() {
		if q.Page > page && !Visible(q.Question, all) {
			delete(all, q.Key)
		}
	}
	return nil
}

// advance moves the page pointer (and finishes after the last page).
func advance(d *Definition, r *Result, page int, step Step, now time.Time) {
	r.UpdatedAt = now
	switch step {
	case StepNext:
		next := d.NextPage(r.Answers, page)
		if next == 0 {
			r.Status, r.FinishedAt, r.Page = StatusDone, now, page
			return
		}
		r.Page = max(r.Page, next)
	}
}

// write stores r's answers (sealed), page, status and times.
func (s *Service) write(ctx context.Context, tx *sql.Tx, r *row) error {
	b, err := json.Marshal(r.Answers)
	if err != nil {
		return err
	}
	sealed, err := s.vault.SealString(ctx, tx, r.keyID, string(b), answersAAD(r.ID))
	if err != nil {
		return fmt.Errorf("scan result %d: seal answers: %w", r.ID, err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE scan_results SET answers_enc = $1, page = $2, status = $3,
		updated_at = $4, finished_at = $5 WHERE id = $6`, sealed, r.Page, r.Status,
		store.TimeOf(r.UpdatedAt), store.TimeOf(r.FinishedAt), r.ID)
	if err != nil {
		return fmt.Errorf("scan result %d: save: %w", r.ID, err)
	}
	return nil
}

// NextPage is the first page after page with a question shown for a, or
// 0 when there is none (the scan is complete).
func (d *Definition) NextPage(a Answers, page int) int {
	for n := page + 1; n <= len(d.Pages); n++ {
		if d.Shown(a, n) {
			return n
		}
	}
	return 0
}

// PrevPage is the last page before page with a question shown, or 1.
func (d *Definition) PrevPage(a Answers, page int) int {
	for n := page - 1; n >= 1; n-- {
		if d.Shown(a, n) {
			return n
		}
	}
	return 1
}

// Shown reports whether page n shows any question for a.
func (d *Definition) Shown(a Answers, n int) bool {
	for i := range d.Pages[n-1].Questions {
		if Visible(&d.Pages[n-1].Questions[i], a) {
			return true
		}
	}
	return false
}
