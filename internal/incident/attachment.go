package incident

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/store"
)

// AttachmentInfo describes one evidence file without its content.
type AttachmentInfo struct {
	ID          int64
	IncidentID  int64
	Filename    string // cleaned; safe for Content-Disposition once quoted
	ContentType string // decided from the content: one of the Type* constants
	Size        int64
	UploaderID  int64 // 0 for an anonymous reporter
	CreatedAt   time.Time
}

// Attachment is a file with its content, as Download returns it.
type Attachment struct {
	AttachmentInfo
	Data []byte
}

func attachmentAAD(incidentID, attachmentID int64, part string) string {
	return fmt.Sprintf("incident:%d:attachment:%d%s", incidentID, attachmentID, part)
}

// Attach adds evidence files to an incident. The reporter may add them to
// their own incident (also to a draft); the coördinator following it up
// may add them too. Files are checked (count, size, type by content),
// images stripped of metadata, and everything sealed. Problems come back as
// *valid.Error on field "attachments" and nothing is stored.
func (s *Service) Attach(ctx context.Context, p *auth.Principal, incidentID int64, files []Upload) ([]AttachmentInfo, error) {
	head, err := loadHead(ctx, s.db, incidentID)
	if err != nil {
		return nil, err
	}
	own := head.ReporterID != 0 && p != nil && p.AccountID == head.ReporterID && allowed(p, ActRead, head)
	if !own && !allowed(p, ActFollowUp, head) {
		return nil, s.deny(ctx, p, ActFollowUp, head)
	}
	return s.attach(ctx, head, p.AccountID, files)
}

// Attachments lists an incident's files to anyone allowed to read it.
func (s *Service) Attachments(ctx context.Context, p *auth.Principal, incidentID int64) ([]AttachmentInfo, error) {
	head, err := loadHead(ctx, s.db, incidentID)
	if err != nil {
		return nil, err
	}
	if !allowed(p, ActRead, head) {
		return nil, s.deny(ctx, p, ActRead, head)
	}
	return s.listAttachments(ctx, s.db, incidentID)
}

// Download returns one file to someone allowed to read its incident. Every
// download is audited as "attachment.download", in the same transaction as
// the read, so no file leaves without its audit row.
func (s *Service) Download(ctx context.Context, p *auth.Principal, incidentID, attachmentID int64) (*Attachment, error) {
	head, err := loadHead(ctx, s.db, incidentID)
	if err != nil {
		return nil, err
	}
	if !allowed(p, ActRead, head) {
		return nil, s.deny(ctx, p, ActRead, head)
	}
	var out *Attachment
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if out, err = s.loadAttachment(ctx, tx, head, attachmentID); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, audit.Event{Actor: p.AccountID, OrgID: head.OrgID,
			Action: "attachment.download", Object: "incident_attachment",
			ObjectID: strconv.FormatInt(attachmentID, 10), Detail: "incident=" + strconv.FormatInt(head.ID, 10)})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// attach checks and stores files for head; the caller has checked access.
func (s *Service) attach(ctx context.Context, head *Incident, uploader int64, files []Upload) ([]AttachmentInfo, error) {
	var out []AttachmentInfo
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		// Count under a lock on the incident so two uploads at once cannot
		// together pass the limits (SQLite locks at BEGIN; PostgreSQL's
		// READ COMMITTED needs the row lock).
		if err := s.lockIncident(ctx, tx, head.ID); err != nil {
			return err
		}
		n, total, err := attachmentUsage(ctx, tx, head.ID)
		if err != nil {
			return err
		}
		ready, err := prepareUploads(n, total, files)
		if err != nil {
			return err
		}
		for _, f := range ready {
			info, err := s.insertAttachment(ctx, tx, head, uploader, f)
			if err != nil {
				return err
			}
			out = append(out, info)
		}
		return s.audit.Write(ctx, tx, incidentEvent(uploader, head, "attachment.add", "files="+strconv.Itoa(len(out))))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Service) lockIncident(ctx context.Context, tx *sql.Tx, id int64) error {
	if s.db.Dialect != store.Postgres {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `SELECT id FROM incidents WHERE id = $1 FOR UPDATE`, id); err != nil {
		return fmt.Errorf("incident %d: lock: %w", id, err)
	}
	return nil
}

func attachmentUsage(ctx context.Context, q store.Querier, incidentID int64) (int, int64, error) {
	var n int
	var total int64
	err := q.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(size), 0) FROM incident_attachments
		WHERE incident_id = $1`, incidentID).Scan(&n, &total)
	if err != nil {
		return 0, 0, fmt.Errorf("incident %d: attachments: %w", incidentID, err)
	}
	return n, total, nil
}

// insertAttachment writes the row first (for its id), then the sealed
// name and content bound to incident and attachment id. The vault seals
// strings; a Go string holds any bytes, so the file goes through unchanged.
func (s *Service) insertAttachment(ctx context.Context, tx *sql.Tx, head *Incident, uploader int64, f preparedFile) (AttachmentInfo, error) {
	info := AttachmentInfo{IncidentID: head.ID, Filename: f.Filename, ContentType: f.ContentType,
		Size: int64(len(f.Data)), UploaderID: uploader, CreatedAt: s.now()}
	err := tx.QueryRowContext(ctx, `INSERT INTO incident_attachments
		(incident_id, content_type, size, uploader_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		head.ID, info.ContentType, info.Size, uploader, info.CreatedAt).Scan(&info.ID)
	if err != nil {
		return info, fmt.Errorf("incident %d: attachment: %w", head.ID, err)
	}
	name, err := s.vault.SealString(ctx, tx, head.KeyID, f.Filename, attachmentAAD(head.ID, info.ID, ":name"))
	if err != nil {
		return info, fmt.Errorf("incident %d: seal attachment name: %w", head.ID, err)
	}
	data, err := s.vault.SealString(ctx, tx, head.KeyID, string(f.Data), attachmentAAD(head.ID, info.ID, ""))
	if err != nil {
		return info, fmt.Errorf("incident %d: seal attachment: %w", head.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE incident_attachments SET name_enc = $2, data_enc = $3
		WHERE id = $1`, info.ID, name, data); err != nil {
		return info, fmt.Errorf("incident %d: attachment: %w", head.ID, err)
	}
	return info, nil
}

func (s *Service) listAttachments(ctx context.Context, q store.Querier, incidentID int64) ([]AttachmentInfo, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, content_type, size, uploader_id, created_at, name_enc
		FROM incident_attachments WHERE incident_id = $1 ORDER BY id`, incidentID)
	if err != nil {
		return nil, fmt.Errorf("incident %d: attachments: %w", incidentID, err)
	}
	var out []AttachmentInfo
	var names [][]byte
	for rows.Next() {
		a := AttachmentInfo{IncidentID: incidentID}
		var name []byte
		var created store.Time
		if err := rows.Scan(&a.ID, &a.ContentType, &a.Size, &a.UploaderID, &created, &name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("incident %d: attachments: %w", incidentID, err)
		}
		a.CreatedAt = created.T
		out, names = append(out, a), append(names, name)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Filename, err = s.vault.OpenString(ctx, q, names[i], attachmentAAD(incidentID, out[i].ID, ":name")); err != nil {
			return nil, fmt.Errorf("incident %d: open attachment name: %w", incidentID, err)
		}
	}
	return out, nil
}

func (s *Service) loadAttachment(ctx context.Context, q store.Querier, head *Incident, id int64) (*Attachment, error) {
	a := &Attachment{AttachmentInfo: AttachmentInfo{ID: id, IncidentID: head.ID}}
	var name, data []byte
	err := q.QueryRowContext(ctx, `SELECT content_type, size, uploader_id, created_at, name_enc, data_enc
		FROM incident_attachments WHERE id = $1 AND incident_id = $2`, id, head.ID).
		Scan(&a.ContentType, &a.Size, &a.UploaderID, &a.CreatedAt, &name, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("incident %d: attachment %d: %w", head.ID, id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("incident %d: attachment %d: %w", head.ID, id, err)
	}
	a.CreatedAt = a.CreatedAt.UTC()
	if a.Filename, err = s.vault.OpenString(ctx, q, name, attachmentAAD(head.ID, id, ":name")); err != nil {
		return nil, fmt.Errorf("incident %d: open attachment %d: %w", head.ID, id, err)
	}
	content, err := s.vault.OpenString(ctx, q, data, attachmentAAD(head.ID, id, ""))
	if err != nil {
		return nil, fmt.Errorf("incident %d: open attachment %d: %w", head.ID, id, err)
	}
	a.Data = []byte(content)
	return a, nil
}
