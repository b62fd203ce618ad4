// Package mail sends Weerbaar's e-mail (invitations, notices): plain text
// in UTF-8 over SMTP with the standard library's net/smtp, upgraded to TLS
// with STARTTLS whenever the server offers it. Without an SMTP server
// configured, sending logs that nothing was sent and succeeds, so the
// person who needed the mail can be given its content another way (an
// invitation link is always shown to the inviter).
package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"strings"
	"time"
)

// Options configure a Sender.
type Options struct {
	// Addr is the SMTP server as host:port; empty: no e-mail is sent.
	Addr string
	// From is the sender address.
	From string
	// Hello is the name given in EHLO; default "localhost".
	Hello string
	// TLS is used for STARTTLS; default: verify the server's certificate
	// for the host of Addr.
	TLS *tls.Config
	// Timeout bounds one whole delivery; default 30 seconds.
	Timeout time.Duration
	Log     *slog.Logger
}

// Sender sends e-mail. It is safe for concurrent use: each message has
// its own connection.
type Sender struct {
	o Options
}

// New returns a Sender; with an empty Addr it only logs.
func New(o Options) *Sender {
	if o.Hello == "" {
		o.Hello = "localhost"
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return &Sender{o: o}
}

// Enabled reports whether an SMTP server is configured.
func (s *Sender) Enabled() bool { return s != nil && s.o.Addr != "" }

// ErrBadHeader means an address or subject would break the message
// headers (a line break, or not an address).
var ErrBadHeader = errors.New("mail: ongeldig adres of onderwerp")

// Send delivers one plain-text message to one address. Without an SMTP
// server it logs "e-mail niet verstuurd" (without the body, which may
// hold a link that must not land in logs) and returns nil.
func (s *Sender) Send(ctx context.Context, to, subject, body string) error {
	if err := checkHeaders(s.o.From, to, subject); err != nil {
		return err
	}
	if !s.Enabled() {
		s.o.Log.Info("e-mail niet verstuurd: geen SMTP ingesteld", "to", to, "subject", subject)
		return nil
	}
	msg := compose(s.o.From, to, subject, body, time.Now())
	if err := s.deliver(ctx, to, msg); err != nil {
		return fmt.Errorf("e-mail aan %s: %w", to, err)
	}
	return nil
}

func checkHeaders(from, to, subject string) error {
	for _, a := range []string{from, to} {
		if _, err := mail.ParseAddress(a); err != nil || strings.ContainsAny(a, "\r\n<>") {
			return fmt.Errorf("%w: %q", ErrBadHeader, a)
		}
	}
	if strings.ContainsAny(subject, "\r\n") {
		return ErrBadHeader
	}
	return nil
}

// deliver speaks SMTP: EHLO, STARTTLS when offered, MAIL, RCPT, DATA, QUIT.
func (s *Sender) deliver(ctx context.Context, to string, msg []byte) error {
	ctx, cancel := context.WithTimeout(ctx, s.o.Timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.o.Addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	host, _, _ := net.SplitHostPort(s.o.Addr)
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Hello(s.o.Hello); err != nil {
		return err
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		cfg := s.o.TLS
		if cfg == nil {
			cfg = &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
		}
		if err := c.StartTLS(cfg); err != nil {
			return fmt.Errorf("starttls: %w", err)
		}
	}
	if err := c.Mail(s.o.From); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// compose builds the message: UTF-8 plain text, quoted-printable, subject
// encoded for non-ASCII letters (coördinator), CRLF line ends.
func compose(from, to, subject, body string, now time.Time) []byte {
	var b bytes.Buffer
	id := make([]byte, 12)
	rand.Read(id)
	domain := from[strings.LastIndex(from, "@")+1:]
	hdr := []string{
		"From: " + from,
		"To: " + to,
		"Subject: " + mime.QEncoding.Encode("utf-8", subject),
		"Date: " + now.Format(time.RFC1123Z),
		"Message-ID: <" + hex.EncodeToString(id) + "@" + domain + ">",
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=utf-8",
		"Content-Transfer-Encoding: quoted-printable",
		"Auto-Submitted: auto-generated",
	}
	for _, h := range hdr {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	qp.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n")))
	qp.Close()
	return b.Bytes()
}
