package incident

import (
	"bufio"
	"bytes"
	"image/jpeg"
	"image/png"
	"net/http"
	"net/mail"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"weerbaar/internal/valid"
)

// Attachment limits. Ten files of evidence is what a reporter needs for
// screenshots, a letter and a few e-mails; 10 MiB holds a phone photo or a
// scanned letter; 25 MiB in all keeps one incident's rows a size both
// databases handle comfortably in one transaction.
const (
	MaxAttachments        = 10
	MaxAttachmentSize     = 10 << 20
	MaxAttachmentsTotal   = 25 << 20
	maxAttachmentNameRune = 100
)

// Attachment content types Weerbaar accepts, decided from the bytes, never
// from the name or the browser's claim.
const (
	TypeJPEG  = "image/jpeg"
	TypePNG   = "image/png"
	TypePDF   = "application/pdf"
	TypeText  = "text/plain; charset=utf-8"
	TypeEmail = "message/rfc822"
)

// extensionsByType lists the name endings allowed for each content type;
// the first is added when a name has none. A file whose name claims
// another type than its content (a PNG named .pdf) is refused: it is
// either a mistake or an attempt to smuggle something past a viewer.
var extensionsByType = map[string][]string{
	TypeJPEG:  {".jpg", ".jpeg"},
	TypePNG:   {".png"},
	TypePDF:   {".pdf"},
	TypeText:  {".txt", ".text", ".log"},
	TypeEmail: {".eml"},
}

// detectType returns the accepted content type of data, or "" when the
// content is of no accepted type. Binary types are checked by their magic
// bytes as well as by http.DetectContentType (which uses the same table as
// browsers, so what we accept is what a browser would take it to be).
func detectType(data []byte) string {
	sniffed := http.DetectContentType(data)
	switch {
	case sniffed == "image/jpeg" && bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return TypeJPEG
	case sniffed == "image/png" && bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return TypePNG
	case sniffed == "application/pdf" && bytes.HasPrefix(data, []byte("%PDF-")):
		return TypePDF
	case !strings.HasPrefix(sniffed, "text/plain"):
		return ""
	case looksLikeEmail(data) && !bytes.ContainsRune(data, 0):
		// Saved e-mails may carry 8-bit bodies in other charsets.
		return TypeEmail
	case isPlainText(data):
		return TypeText
	}
	return ""
}

// isPlainText accepts UTF-8 text without NUL or other control characters
// than tab, line feed, carriage return and form feed.
func isPlainText(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	for _, r := range string(data) {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			return false
		}
		if r == 0x7F {
			return false
		}
	}
	return true
}

// looksLikeEmail accepts text that starts with an RFC 5322 header block
// holding at least a From and either a Date or a Subject: enough to tell a
// saved e-mail from a note, without trusting the .eml name.
func looksLikeEmail(data []byte) bool {
	msg, err := mail.ReadMessage(bufio.NewReader(bytes.NewReader(data)))
	if err != nil {
		return false
	}
	h := msg.Header
	return h.Get("From") != "" && (h.Get("Date") != "" || h.Get("Subject") != "")
}

// sanitizeFilename keeps the last path element of name, replaces anything
// but letters, digits, space and ._-() with "_", drops leading dots (no
// hidden files), shortens it, and makes sure the extension fits the
// content type. ok is false when the name claims another type.
func sanitizeFilename(name, contentType string) (string, bool) {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(name)
	if name == "." || name == "/" {
		name = ""
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" ._-()", r):
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	clean := strings.TrimLeft(strings.TrimSpace(b.String()), ".")
	allowed := extensionsByType[contentType]
	ext := strings.ToLower(path.Ext(clean))
	base := strings.TrimSuffix(clean, path.Ext(clean))
	switch {
	case contains(allowed, ext):
	case claimedByOtherType(ext):
		return "", false
	default: // no extension, or one we don't know (notes.md): add ours
		base, ext = clean, allowed[0]
	}
	if strings.TrimSpace(base) == "" {
		base = "bijlage"
	}
	if r := []rune(base); len(r)+len(ext) > maxAttachmentNameRune {
		base = string(r[:maxAttachmentNameRune-len(ext)])
	}
	return base + ext, true
}

func claimedByOtherType(ext string) bool {
	for _, exts := range extensionsByType {
		if contains(exts, ext) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Upload is one file as the reporter sent it.
type Upload struct {
	Filename string // as the browser named it; only a cleaned copy is kept
	Data     []byte
}

// preparedFile is an upload that passed every check: its type decided by
// content, its name cleaned, its metadata removed.
type preparedFile struct {
	Filename    string
	ContentType string
	Data        []byte
}

// CheckUploads runs every check Attach runs on files for a new incident
// (count, size, type, name, images) without storing anything, so a form
// can refuse bad files before the report itself is saved.
func CheckUploads(files []Upload) error {
	_, err := prepareUploads(0, 0, files)
	return err
}

// prepareUploads checks uploads against the limits, given what the
// incident already holds, and returns them ready to seal. Problems are
// reported per file as field "attachments" with codes too_many_files,
// file_too_large (per file or in total), file_type and file_empty; the
// first argument of each is the file's cleaned name.
func prepareUploads(haveCount int, haveBytes int64, uploads []Upload) ([]preparedFile, error) {
	var problems valid.Error
	if haveCount+len(uploads) > MaxAttachments {
		problems.Add("attachments", "too_many_files", MaxAttachments)
		return nil, problems.Err()
	}
	total := haveBytes
	out := make([]preparedFile, 0, len(uploads))
	for _, u := range uploads {
		shown := displayName(u.Filename)
		switch {
		case len(u.Data) == 0:
			problems.Add("attachments", "file_empty", shown)
			continue
		case len(u.Data) > MaxAttachmentSize:
			problems.Add("attachments", "file_too_large", shown, MaxAttachmentSize)
			continue
		}
		f, ok := prepareFile(u)
		if !ok {
			problems.Add("attachments", "file_type", shown)
			continue
		}
		total += int64(len(f.Data))
		if total > MaxAttachmentsTotal {
			problems.Add("attachments", "file_too_large", shown, MaxAttachmentsTotal)
			continue
		}
		out = append(out, f)
	}
	if err := problems.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// prepareFile decides the type, cleans the name and strips the metadata;
// ok is false when the file is of no accepted type, its name claims
// another type, or the image does not parse.
func prepareFile(u Upload) (preparedFile, bool) {
	ct := detectType(u.Data)
	if ct == "" {
		return preparedFile{}, false
	}
	name, ok := sanitizeFilename(u.Filename, ct)
	if !ok {
		return preparedFile{}, false
	}
	data, err := stripImage(ct, u.Data)
	if err != nil || !imageParses(ct, data) {
		return preparedFile{}, false
	}
	return preparedFile{Filename: name, ContentType: ct, Data: data}, true
}

// imageParses checks that a stripped image still has a readable header.
// Only the header: decoding a 50-megapixel photo would take 200 MB.
func imageParses(ct string, data []byte) bool {
	var err error
	switch ct {
	case TypeJPEG:
		_, err = jpeg.DecodeConfig(bytes.NewReader(data))
	case TypePNG:
		_, err = png.DecodeConfig(bytes.NewReader(data))
	}
	return err == nil
}

// displayName is the upload's name made safe to show in an error message.
func displayName(name string) string {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	r := []rune(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name))
	if len(r) > maxAttachmentNameRune {
		r = r[:maxAttachmentNameRune]
	}
	return string(r)
}
