package incident

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
)

// exportHeader names the CSV columns. The export holds clear fields only:
// no free text, names or places leave the system this way.
var exportHeader = []string{"id", "status", "wijze_melden", "rol", "soorten", "vpt_categorieen",
	"plaats", "platform", "datum_voorval", "datum_melding", "acuut_gevaar", "aangifte_bekend",
	"eerste_contact_uiterlijk", "eerste_contact_op", "reactie_dader_uiterlijk", "reactie_dader_op",
	"aangifte_herinnering", "te_laat"}

// ExportCSV writes every incident of the organisation that matches f (all
// pages) as CSV to w, for its coördinator. The export is audited with the
// number of rows. ExportCSVCounted also says how many were left out.
func (s *Service) ExportCSV(ctx context.Context, p *auth.Principal, orgID int64, f Filter, w io.Writer) error {
	_, err := s.ExportCSVCounted(ctx, p, orgID, f, w)
	return err
}

// Export says what an export held.
type Export struct {
	Rows int // incidents written
	// Skipped counts the incidents that could not be read and are not in
	// the file (each logged by id); tell the coördinator when it is not 0.
	Skipped int
}

// ExportCSVCounted is ExportCSV returning how many incidents were written
// and how many could not be read and were left out.
func (s *Service) ExportCSVCounted(ctx context.Context, p *auth.Principal, orgID int64, f Filter, w io.Writer) (Export, error) {
	target := &Incident{OrgID: orgID}
	if !allowed(p, ActExport, target) {
		return Export{}, s.deny(ctx, p, ActExport, target)
	}
	if err := checkFilter(f); err != nil {
		return Export{}, err
	}
	where, args := s.orgWhere(orgID, f)
	rows, err := s.db.QueryContext(ctx, `SELECT `+clearCols+` FROM incidents i WHERE `+where+
		` ORDER BY submitted_at, id`, args...)
	if err != nil {
		return Export{}, fmt.Errorf("org %d export: %w", orgID, err)
	}
	items, skipped, err := s.summaries(ctx, rows)
	if err != nil {
		return Export{}, err
	}
	res := Export{Rows: len(items), Skipped: skipped}
	if err := s.audit.WriteNow(ctx, audit.Event{Actor: p.AccountID, OrgID: orgID,
		Action: "incident.export", Object: "organisation", ObjectID: strconv.FormatInt(orgID, 10),
		Detail: "rows=" + strconv.Itoa(len(items)) + skippedDetail(skipped)}); err != nil {
		return res, fmt.Errorf("org %d export: audit: %w", orgID, err)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(exportHeader); err != nil {
		return res, err
	}
	now := s.now()
	for _, it := range items {
		if err := cw.Write(s.exportRow(it, now)); err != nil {
			return res, fmt.Errorf("org %d export: %w", orgID, err)
		}
	}
	cw.Flush()
	return res, cw.Error()
}

func skippedDetail(n int) string {
	if n == 0 {
		return ""
	}
	return " skipped=" + strconv.Itoa(n)
}

func (s *Service) exportRow(it Summary, now time.Time) []string {
	kinds := make([]string, len(it.Kinds))
	vpt := []string{}
	for i, k := range it.Kinds {
		kinds[i] = string(k)
		if c, ok := k.VPT(); ok && !oneOf(string(c), vpt) {
			vpt = append(vpt, string(c))
		}
	}
	return []string{strconv.FormatInt(it.ID, 10), string(it.Status), string(it.Mode),
		string(it.VictimRole), strings.Join(kinds, ";"), strings.Join(vpt, ";"),
		string(it.PlaceKind), safeCell(it.Platform), s.day(it.OccurredAt), s.stamp(it.SubmittedAt),
		yesNo(it.InDanger), yesNo(it.Aangifte),
		s.stamp(it.Deadlines.FirstContact.Due), s.stamp(it.Deadlines.FirstContact.Done),
		s.stamp(it.Deadlines.Reaction.Due), s.stamp(it.Deadlines.Reaction.Done),
		s.stamp(it.Deadlines.Aangifte.Due), yesNo(it.Overdue(now))}
}

func (s *Service) stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(s.opts.Location).Format("2006-01-02 15:04")
}

func (s *Service) day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(s.opts.Location).Format(time.DateOnly)
}

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}

// safeCell keeps a typed value from being read as a formula by a
// spreadsheet (CSV injection).
func safeCell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}
