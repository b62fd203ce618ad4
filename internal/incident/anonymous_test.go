package incident

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// anonAddr is the test reporter's address; it must end up nowhere.
const anonAddr = "192.0.2.77"

func (f *fixture) anonymous(l AnonymousLimits) *Anonymous {
	if l.Now == nil {
		l.Now = f.clock.now
	}
	return NewAnonymous(f.svc, l)
}

// anonReport is a complete anonymous report to organisation org.
func (f *fixture) anonReport(org int64) *Incident {
	inc := f.report()
	inc.Mode = ""
	inc.OrgID = org
	return inc
}

func TestAnonymousReporterFollowsUpWithTheReceiptCodeOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		anon := f.anonymous(AnonymousLimits{})
		coordAccount := addAccount(t, db, auth.RoleCoordinator, f.orgA, "coordinator-a", false)

		code, err := anon.Report(ctx, anonAddr, f.anonReport(f.orgA))
		if err != nil {
			t.Fatal(err)
		}
		if notes, _ := f.svc.Notifications(ctx, coordAccount); len(notes) != 1 || notes[0].TextKey != NoticeNew {
			t.Fatalf("the coördinator is not told of the anonymous report: %+v", notes)
		}
		shown := code.String()
		if len(shown) != 24 {
			t.Fatalf("receipt code shown as %q", shown)
		}

		// Reading the status with the code, typed in lower case.
		v, err := anon.Status(ctx, anonAddr, strings.ToLower(shown))
		if err != nil {
			t.Fatal(err)
		}
		inc := v.Incident
		if inc.Status != StatusNew || inc.Mode != ModeAnonymous || inc.ReporterID != 0 || inc.OrgID != f.orgA {
			t.Fatalf("anonymous incident: status %s mode %s reporter %d org %d", inc.Status, inc.Mode, inc.ReporterID, inc.OrgID)
		}
		if inc.Description != f.report().Description || len(v.Messages) != 0 || v.Unread != 0 {
			t.Fatalf("view: %+v", v)
		}

		// The coördinator of the chosen organisation sees it and writes.
		coord := f.coordinator(f.orgA)
		got, err := f.svc.Get(ctx, coord, inc.ID)
		if err != nil || got.Mode != ModeAnonymous {
			t.Fatalf("coördinator reads: %v %v", got, err)
		}
		if _, err := f.svc.SendMessage(ctx, coord, inc.ID, "Dank voor uw melding. Wilt u vertellen wanneer het begon?"); err != nil {
			t.Fatal(err)
		}
		for _, n := range f.notes {
			if n.AccountID != coordAccount.AccountID {
				t.Fatalf("notification to account %d; an anonymous reporter has none", n.AccountID)
			}
		}

		// The reporter sees the reply as new once, then as read.
		v, err = anon.Status(ctx, anonAddr, shown)
		if err != nil {
			t.Fatal(err)
		}
		if v.Unread != 1 || len(v.Messages) != 1 || v.Messages[0].Sender != SenderHandler || !strings.Contains(v.Messages[0].Body, "wanneer het begon") {
			t.Fatalf("reporter's view of the reply: unread %d, %+v", v.Unread, v.Messages)
		}
		if v.Messages[0].AuthorID != 0 {
			t.Fatal("the anonymous view names the coördinator's account")
		}
		if v, _ = anon.Status(ctx, anonAddr, shown); v.Unread != 0 {
			t.Fatalf("reply still unread after reading: %d", v.Unread)
		}

		// The reporter answers; the coördinator has one unread message.
		if _, err := anon.Send(ctx, anonAddr, shown, "Sinds de raadsvergadering van oktober."); err != nil {
			t.Fatal(err)
		}
		if n, err := f.svc.UnreadMessages(ctx, coord, inc.ID); err != nil || n != 1 {
			t.Fatalf("coördinator unread = %d, %v; want 1", n, err)
		}
		if notes, _ := f.svc.Notifications(ctx, coordAccount); len(notes) != 2 || notes[0].TextKey != NoticeMessage {
			t.Fatalf("the coördinator is not told of the reporter's message: %+v", notes)
		}
		msgs, err := f.svc.Messages(ctx, coord, inc.ID)
		if err != nil || len(msgs) != 2 || msgs[1].Sender != SenderReporter || msgs[1].AuthorID != 0 {
			t.Fatalf("coördinator's conversation: %+v, %v", msgs, err)
		}
		if n, _ := f.svc.UnreadMessages(ctx, coord, inc.ID); n != 0 {
			t.Fatalf("coördinator unread after reading = %d", n)
		}

		// Evidence from the anonymous reporter reaches the coördinator
		// without the photo's GPS position; the download is audited.
		files, err := anon.Attach(ctx, anonAddr, shown, []Upload{{"IMG_0001.JPG", jpegWithMetadata(t)}})
		if err != nil {
			t.Fatal(err)
		}
		if files[0].UploaderID != 0 {
			t.Fatalf("anonymous upload names uploader %d", files[0].UploaderID)
		}
		if v, _ = anon.Status(ctx, anonAddr, shown); len(v.Files) != 1 || v.Files[0].Filename != "IMG_0001.jpg" {
			t.Fatalf("reporter's view of the files: %+v", v.Files)
		}
		photo, err := f.svc.Download(ctx, coord, inc.ID, files[0].ID)
		if err != nil || bytes.Contains(photo.Data, gpsBytes()) {
			t.Fatalf("coördinator's download: err %v, GPS present %v", err, err == nil && bytes.Contains(photo.Data, gpsBytes()))
		}
		if n := countAudit(t, db, "attachment.download", files[0].ID); n != 1 {
			t.Fatalf("download audited %d times", n)
		}

		// A wrong code is refused, also one with the right lookup id.
		wrong := []byte(code)
		wrong[len(wrong)-1] ^= 1 // another symbol of the alphabet
		if wrong[len(wrong)-1] == 'I' || wrong[len(wrong)-1] == 'L' || wrong[len(wrong)-1] == 'O' || wrong[len(wrong)-1] == 'U' {
			wrong[len(wrong)-1] = '0'
		}
		for _, bad := range []string{string(wrong), "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", "niet-een-code"} {
			if bad == string(code) {
				continue
			}
			if _, err := anon.Status(ctx, anonAddr, bad); !errors.Is(err, ErrUnknownReceipt) {
				t.Errorf("code %q: got %v, want ErrUnknownReceipt", bad, err)
			}
			if _, err := anon.Send(ctx, anonAddr, bad, "x"); !errors.Is(err, ErrUnknownReceipt) {
				t.Errorf("send with %q: got %v, want ErrUnknownReceipt", bad, err)
			}
		}
	})
}

func TestWrongReceiptCodesAreRateLimitedPerAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		anon := f.anonymous(AnonymousLimits{WrongCodes: 3, WrongWindow: 15 * time.Minute})
		code, err := anon.Report(ctx, anonAddr, f.anonReport(f.orgA))
		if err != nil {
			t.Fatal(err)
		}
		guess := "0000-0000-0000-0000-000" + string(code[19]^1)
		for i := 0; i < 3; i++ {
			if _, err := anon.Status(ctx, anonAddr, guess); !errors.Is(err, ErrUnknownReceipt) {
				t.Fatalf("guess %d: %v", i, err)
			}
		}
		if _, err := anon.Status(ctx, anonAddr, guess); !errors.Is(err, ErrRateLimited) {
			t.Fatalf("4th wrong code: %v, want ErrRateLimited", err)
		}
		// Even the right code waits: otherwise guessing could go on.
		if _, err := anon.Status(ctx, anonAddr, code.String()); !errors.Is(err, ErrRateLimited) {
			t.Fatalf("right code while limited: %v, want ErrRateLimited", err)
		}
		// Another address is not affected; right codes never count.
		for i := 0; i < 5; i++ {
			if _, err := anon.Status(ctx, "198.51.100.4", code.String()); err != nil {
				t.Fatalf("other address, right code: %v", err)
			}
		}
		f.clock.advance(15 * time.Minute)
		if _, err := anon.Status(ctx, anonAddr, code.String()); err != nil {
			t.Fatalf("after the window: %v", err)
		}
	})
}

func TestAnonymousIntakeIsRateLimitedPerAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		anon := f.anonymous(AnonymousLimits{Reports: 2, ReportWindow: time.Hour})
		for i := 0; i < 2; i++ {
			if _, err := anon.Report(ctx, anonAddr, f.anonReport(f.orgA)); err != nil {
				t.Fatalf("report %d: %v", i, err)
			}
		}
		if _, err := anon.Report(ctx, anonAddr, f.anonReport(f.orgA)); !errors.Is(err, ErrRateLimited) {
			t.Fatalf("3rd report in the hour: %v, want ErrRateLimited", err)
		}
		if _, err := anon.Report(ctx, "2001:db8::5", f.anonReport(f.orgA)); err != nil {
			t.Fatalf("another address: %v", err)
		}
		// A form with mistakes does not use up the limit.
		bad := f.anonReport(f.orgB)
		bad.Description = ""
		if _, err := anon.Report(ctx, "203.0.113.9", bad); err == nil {
			t.Fatal("report without description accepted")
		}
		if _, err := anon.Report(ctx, "203.0.113.9", f.anonReport(f.orgB)); err != nil {
			t.Fatalf("corrected report: %v", err)
		}
		f.clock.advance(time.Hour)
		if _, err := anon.Report(ctx, anonAddr, f.anonReport(f.orgA)); err != nil {
			t.Fatalf("after the window: %v", err)
		}
		var n int
		db.QueryRowContext(ctx, `SELECT COUNT(*) FROM incidents WHERE mode = 'anonymous'`).Scan(&n)
		if n != 5 {
			t.Fatalf("%d anonymous incidents stored, want 5", n)
		}
	})
}

func TestAnonymousMessagesAndUploadsAreRateLimitedPerAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		anon := f.anonymous(AnonymousLimits{Actions: 3})
		code, err := anon.Report(ctx, anonAddr, f.anonReport(f.orgA))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 2; i++ {
			if _, err := anon.Send(ctx, anonAddr, code.String(), "bericht"); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := anon.Attach(ctx, anonAddr, code.String(), []Upload{{"n.txt", []byte("notitie")}}); err != nil {
			t.Fatal(err)
		}
		if _, err := anon.Send(ctx, anonAddr, code.String(), "nog een"); !errors.Is(err, ErrRateLimited) {
			t.Fatalf("4th action in the hour: %v, want ErrRateLimited", err)
		}
		if _, err := anon.Attach(ctx, anonAddr, code.String(), []Upload{{"n.txt", []byte("x")}}); !errors.Is(err, ErrRateLimited) {
			t.Fatalf("upload over the limit: %v, want ErrRateLimited", err)
		}
		// Reading the status is not an action.
		if _, err := anon.Status(ctx, anonAddr, code.String()); err != nil {
			t.Fatal(err)
		}
		f.clock.advance(time.Hour)
		if _, err := anon.Send(ctx, anonAddr, code.String(), "een uur later"); err != nil {
			t.Fatalf("after the hour: %v", err)
		}
	})
}

func BenchmarkReceiptCheck(b *testing.B) {
	c, _ := NewReceiptCode()
	h, _ := hashReceipt(c)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if !receiptMatches(c, h) {
			b.Fatal("no match")
		}
	}
}

func BenchmarkStripJPEG(b *testing.B) {
	in := jpegWithMetadata(b)
	b.SetBytes(int64(len(in)))
	for i := 0; i < b.N; i++ {
		if _, ok := prepareFile(Upload{"a.jpg", in}); !ok {
			b.Fatal("refused")
		}
	}
}
