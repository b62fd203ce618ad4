package incident

import (
	"bytes"
	"strings"
	"testing"

	"weerbaar/internal/valid"
)

const testEmail = "From: afzender@example.org\r\nTo: raad@example.nl\r\nSubject: Dreiging\r\nDate: Mon, 23 Nov 2026 08:00:00 +0100\r\n\r\nJe weet wat er gaat gebeuren.\r\n"

func TestAttachmentTypeIsDecidedByContent(t *testing.T) {
	pdf := []byte("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
	cases := []struct {
		name     string
		upload   Upload
		wantType string // "" means refused with file_type
		wantName string
	}{
		{"jpeg", Upload{"foto.jpeg", testJPEG(t)}, TypeJPEG, "foto.jpeg"},
		{"png", Upload{"scherm.PNG", testPNG(t)}, TypePNG, "scherm.png"},
		{"pdf", Upload{"brief.pdf", pdf}, TypePDF, "brief.pdf"},
		{"text", Upload{"notities.txt", []byte("Om 9 uur belde hij opnieuw.\n")}, TypeText, "notities.txt"},
		{"email sniffed as text with headers", Upload{"bericht.eml", []byte(testEmail)}, TypeEmail, "bericht.eml"},
		{"email without extension gets one", Upload{"bericht", []byte(testEmail)}, TypeEmail, "bericht.eml"},
		{"unknown extension gets the right one", Upload{"notes.md", []byte("tekst\n")}, TypeText, "notes.md.txt"},
		{"png renamed .pdf", Upload{"brief.pdf", testPNG(t)}, "", ""},
		{"pdf renamed .jpg", Upload{"foto.jpg", pdf}, "", ""},
		{"email renamed .png", Upload{"x.png", []byte(testEmail)}, "", ""},
		{"html", Upload{"pagina.txt", []byte("<!DOCTYPE html><html><script>alert(1)</script></html>")}, "", ""},
		{"svg", Upload{"plaatje.txt", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>`)}, "", ""},
		{"executable", Upload{"brief.pdf", []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00")}, "", ""},
		{"zip", Upload{"bewijs.txt", []byte("PK\x03\x04\x14\x00\x00\x00")}, "", ""},
		{"jpeg magic but truncated", Upload{"kapot.jpg", testJPEG(t)[:40]}, "", ""},
		{"gif", Upload{"anim.gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")}, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files, err := prepareUploads(0, 0, []Upload{c.upload})
			if c.wantType == "" {
				assertProblem(t, err, "file_type")
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if files[0].ContentType != c.wantType || files[0].Filename != c.wantName {
				t.Errorf("got %q %q, want %q %q", files[0].ContentType, files[0].Filename, c.wantType, c.wantName)
			}
		})
	}
}

func assertProblem(t *testing.T, err error, code string) {
	t.Helper()
	v, ok := valid.As(err)
	if !ok {
		t.Fatalf("error %v is not a validation error", err)
	}
	for _, p := range v.Problems {
		if p.Field == "attachments" && p.Code == code {
			return
		}
	}
	t.Fatalf("problems %+v lack attachments/%s", v.Problems, code)
}

func TestAttachmentLimits(t *testing.T) {
	text := func(n int) []byte { return bytes.Repeat([]byte("a"), n) }
	t.Run("one file over 10 MiB", func(t *testing.T) {
		_, err := prepareUploads(0, 0, []Upload{{"groot.txt", text(MaxAttachmentSize + 1)}})
		assertProblem(t, err, "file_too_large")
	})
	t.Run("exactly 10 MiB is allowed", func(t *testing.T) {
		if _, err := prepareUploads(0, 0, []Upload{{"precies.txt", text(MaxAttachmentSize)}}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("over 25 MiB in total", func(t *testing.T) {
		ups := []Upload{{"a.txt", text(9 << 20)}, {"b.txt", text(9 << 20)}, {"c.txt", text(9 << 20)}}
		_, err := prepareUploads(0, 0, ups)
		assertProblem(t, err, "file_too_large")
	})
	t.Run("total counts what the incident already holds", func(t *testing.T) {
		_, err := prepareUploads(2, 20<<20, []Upload{{"a.txt", text(6 << 20)}})
		assertProblem(t, err, "file_too_large")
	})
	t.Run("more than 10 files", func(t *testing.T) {
		ups := make([]Upload, 11)
		for i := range ups {
			ups[i] = Upload{"n.txt", []byte("x")}
		}
		_, err := prepareUploads(0, 0, ups)
		assertProblem(t, err, "too_many_files")
	})
	t.Run("the 11th file on an incident with 10", func(t *testing.T) {
		_, err := prepareUploads(10, 100, []Upload{{"n.txt", []byte("x")}})
		assertProblem(t, err, "too_many_files")
	})
	t.Run("empty file", func(t *testing.T) {
		_, err := prepareUploads(0, 0, []Upload{{"leeg.txt", nil}})
		assertProblem(t, err, "file_empty")
	})
}

func TestCheckUploadsRefusesWhatAttachWouldRefuse(t *testing.T) {
	if err := CheckUploads([]Upload{{"brief.txt", []byte("tekst")}, {"foto.jpg", testJPEG(t)}}); err != nil {
		t.Fatal(err)
	}
	assertProblem(t, CheckUploads([]Upload{{"brief.pdf", testPNG(t)}}), "file_type")
}

func TestAttachmentNamesAreCleaned(t *testing.T) {
	cases := map[string]string{
		"../../etc/passwd.txt":               "passwd.txt",
		`C:\Users\raadslid\Bureaublad\a.txt`: "a.txt",
		".verborgen.txt":                     "verborgen.txt",
		"brief <script>.txt":                 "brief _script_.txt",
		"dreigbrief\u202Etxt.exe.txt":        "dreigbrief_txt.exe.txt",
		"regel\r\nSet-Cookie: x.txt":         "regel__Set-Cookie_ x.txt",
		"":                                   "bijlage.txt",
		"café-verslag.txt":                   "café-verslag.txt",
		strings.Repeat("lang", 60) + ".txt":  strings.Repeat("lang", 24) + ".txt",
	}
	for in, want := range cases {
		got, ok := sanitizeFilename(in, TypeText)
		if !ok || got != want {
			t.Errorf("sanitizeFilename(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
