package incident

// SortOrder is the order of an organisation's list (Filter.Sort).
type SortOrder string

const (
	// SortNewest: newest submitted first (the default).
	SortNewest SortOrder = ""
	// SortUrgency: acute danger first, then "feels unsafe now", then the
	// earliest deadline still open (overdue ones are the earliest);
	// closed incidents last.
	SortUrgency SortOrder = "urgentie"
	// SortDeadline: the earliest deadline still open first; incidents
	// with none (closed, or all met) last.
	SortDeadline SortOrder = "termijn"
)

// SortOrders are the orders a list can take, the default first.
var SortOrders = []SortOrder{SortNewest, SortUrgency, SortDeadline}

// nextDueSQL is the earliest unmet deadline of incident i, NULL when none
// waits. A subquery with MIN instead of LEAST/min(a, b, c), which differ
// between PostgreSQL and SQLite in how they treat NULL.
const nextDueSQL = `(SELECT MIN(d) FROM (
	SELECT CASE WHEN i.first_contact_at IS NULL THEN i.first_contact_due END AS d
	UNION ALL SELECT CASE WHEN i.reaction_at IS NULL THEN i.reaction_due END
	UNION ALL SELECT CASE WHEN i.aangifte_at IS NULL THEN i.aangifte_due END) AS due)`

// orderBy is the ORDER BY clause of an organisation's list in order o;
// ties go newest first, then by id, so paging is stable.
func orderBy(o SortOrder) string {
	const closedLast = `CASE WHEN i.status = '` + string(StatusClosed) + `' THEN 1 ELSE 0 END`
	const dueFirst = `CASE WHEN ` + nextDueSQL + ` IS NULL THEN 1 ELSE 0 END, ` + nextDueSQL
	switch o {
	case SortUrgency:
		return ` ORDER BY ` + closedLast + `, i.in_danger DESC, i.feels_unsafe DESC, ` + dueFirst + `, i.submitted_at DESC, i.id DESC`
	case SortDeadline:
		return ` ORDER BY ` + closedLast + `, ` + dueFirst + `, i.submitted_at DESC, i.id DESC`
	}
	return ` ORDER BY i.submitted_at DESC, i.id DESC`
}
