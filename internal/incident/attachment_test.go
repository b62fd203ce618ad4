package incident

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestEvidenceIsStoredWithoutLocationAndDownloadedOnlyByThoseWhoMaySeeIt(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		infos, err := f.svc.Attach(ctx, reporter, inc.ID, []Upload{
			{"IMG_2041.JPG", jpegWithMetadata(t)},
			{"dreigmail.eml", []byte(testEmail)},
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(infos) != 2 || infos[0].ContentType != TypeJPEG || infos[1].ContentType != TypeEmail {
			t.Fatalf("stored: %+v", infos)
		}
		// Sealed at rest: neither the picture nor the e-mail is readable.
		var raw []byte
		db.QueryRowContext(ctx, `SELECT data_enc FROM incident_attachments WHERE id = $1`, infos[1].ID).Scan(&raw)
		if len(raw) == 0 || bytes.Contains(raw, []byte("Je weet wat er gaat gebeuren")) {
			t.Fatal("e-mail stored in the clear")
		}
		cases := []struct {
			name string
			p    *auth.Principal
			ok   bool
		}{
			{"the reporter", reporter, true},
			{"the coördinator", f.coordinator(f.orgA), true},
			{"another coördinator", f.coordinator(f.orgB), false},
			{"a colleague", f.member(2, f.orgA), false},
			{"the support team, not referred", f.role(auth.RoleSupportTeam, 0), false},
			{"a beheerder", f.role(auth.RoleAdmin, 0), false},
			{"nobody", nil, false},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				before := countAudit(t, db, "attachment.download", infos[0].ID)
				got, err := f.svc.Download(ctx, c.p, inc.ID, infos[0].ID)
				after := countAudit(t, db, "attachment.download", infos[0].ID)
				if !c.ok {
					if !errors.Is(err, ErrForbidden) {
						t.Fatalf("download: %v, want ErrForbidden", err)
					}
					if after != before {
						t.Fatal("refused download audited as a download")
					}
					if _, err := f.svc.Attachments(ctx, c.p, inc.ID); !errors.Is(err, ErrForbidden) {
						t.Fatalf("list: %v, want ErrForbidden", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if after != before+1 {
					t.Fatalf("download audited %d times, want once", after-before)
				}
				if bytes.Contains(got.Data, gpsBytes()) || bytes.Contains(got.Data, []byte{0x88, 0x25}) {
					t.Fatal("downloaded photo still carries its GPS position")
				}
				if got.Filename != "IMG_2041.jpg" || got.ContentType != TypeJPEG || int64(len(got.Data)) != got.Size {
					t.Fatalf("downloaded %q %q %d/%d", got.Filename, got.ContentType, len(got.Data), got.Size)
				}
			})
		}
		// The audit row names the incident, and the actor.
		var actor int64
		var detail string
		db.QueryRowContext(ctx, `SELECT actor_id, detail FROM audit_log WHERE action = 'attachment.download'
			ORDER BY seq DESC LIMIT 1`).Scan(&actor, &detail)
		if actor != f.coordinator(f.orgA).AccountID || detail != "incident="+strconv.FormatInt(inc.ID, 10) {
			t.Fatalf("audit row: actor %d detail %q", actor, detail)
		}
	})
}

func TestRefusedUploadStoresNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		_, err := f.svc.Attach(ctx, reporter, inc.ID, []Upload{
			{"brief.txt", []byte("goed bestand")},
			{"brief.pdf", testPNG(t)}, // a PNG renamed .pdf
		})
		assertProblem(t, err, "file_type")
		n, total, _ := attachmentUsage(ctx, db, inc.ID)
		if n != 0 || total != 0 {
			t.Fatalf("after a refused upload %d files (%d bytes) stored", n, total)
		}
	})
}

func TestAnIncidentHoldsAtMostTenFiles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		for i := 0; i < MaxAttachments; i++ {
			if _, err := f.svc.Attach(ctx, reporter, inc.ID, []Upload{{"n.txt", []byte("notitie " + strconv.Itoa(i))}}); err != nil {
				t.Fatalf("file %d: %v", i+1, err)
			}
		}
		_, err := f.svc.Attach(ctx, reporter, inc.ID, []Upload{{"n.txt", []byte("één te veel")}})
		assertProblem(t, err, "too_many_files")
		list, err := f.svc.Attachments(ctx, f.coordinator(f.orgA), inc.ID)
		if err != nil || len(list) != MaxAttachments {
			t.Fatalf("listed %d, %v", len(list), err)
		}
	})
}

func TestConcurrentUploadsCannotTogetherPassTheLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		for i := 0; i < MaxAttachments-1; i++ {
			if _, err := f.svc.Attach(ctx, reporter, inc.ID, []Upload{{"n.txt", []byte("x")}}); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		for i := 0; i < 16; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f.svc.Attach(ctx, reporter, inc.ID, []Upload{{"laatste.txt", []byte("y")}})
			}()
		}
		wg.Wait()
		if n, _, _ := attachmentUsage(ctx, db, inc.ID); n != MaxAttachments {
			t.Fatalf("%d files after concurrent uploads, want exactly %d", n, MaxAttachments)
		}
	})
}

func TestOnlyReporterAndHandlerAddEvidence(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		up := []Upload{{"n.txt", []byte("x")}}
		for name, p := range map[string]*auth.Principal{
			"another coördinator": f.coordinator(f.orgB),
			"a colleague":         f.member(2, f.orgA),
			"the support team":    f.role(auth.RoleSupportTeam, 0),
			"nobody":              nil,
		} {
			if _, err := f.svc.Attach(ctx, p, inc.ID, up); !errors.Is(err, ErrForbidden) {
				t.Errorf("%s attaches: %v", name, err)
			}
		}
		if _, err := f.svc.Attach(ctx, f.coordinator(f.orgA), inc.ID, up); err != nil {
			t.Fatalf("coördinator attaches: %v", err)
		}
	})
}

func TestSealedFileDoesNotOpenUnderAnotherAttachmentOrIncident(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		infos, err := f.svc.Attach(ctx, reporter, inc.ID, []Upload{{"a.txt", []byte("eerste")}, {"b.txt", []byte("tweede")}})
		if err != nil {
			t.Fatal(err)
		}
		// Same incident and key, other attachment id: the AAD must refuse.
		if _, err := db.ExecContext(ctx, `UPDATE incident_attachments SET data_enc =
			(SELECT data_enc FROM incident_attachments WHERE id = $1) WHERE id = $2`, infos[0].ID, infos[1].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Download(ctx, reporter, inc.ID, infos[1].ID); err == nil {
			t.Fatal("a file sealed for another attachment opened")
		}
		// Asking for an attachment through another incident finds nothing.
		other := f.submit(t, reporter, f.report())
		if _, err := f.svc.Download(ctx, reporter, other.ID, infos[0].ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("attachment via another incident: %v, want ErrNotFound", err)
		}
	})
}
