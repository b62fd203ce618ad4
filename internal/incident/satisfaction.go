package incident

import "time"

// SatisfactionAnswer is the reporter's answer after closing.
type SatisfactionAnswer struct {
	AccountID int64
	Satisfied bool
	Reason    string // sealed
	At        time.Time
}
