package mail

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"log/slog"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/mail/mailtest"
)

const link = "https://weerbaar.example.nl/uitnodiging/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG?x=1"

func TestSendDeliversPlainDutchTextWithTheLinkIntact(t *testing.T) {
	srv := mailtest.Start(t, nil)
	s := New(Options{Addr: srv.Addr, From: "weerbaar@example.nl"})
	body := "Beste coördinator,\n\nOpen deze link om uw account in te stellen:\n" + link + "\n\n.\nTot ziens"
	if err := s.Send(context.Background(), "griffier@example.org", "Uitnodiging voor Weerbaar — coördinator", body); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages received", len(msgs))
	}
	m := msgs[0]
	if m.From != "weerbaar@example.nl" || len(m.To) != 1 || m.To[0] != "griffier@example.org" {
		t.Errorf("envelope from %q to %v", m.From, m.To)
	}
	if m.Subject != "Uitnodiging voor Weerbaar — coördinator" {
		t.Errorf("subject %q", m.Subject)
	}
	if !strings.Contains(m.Body, "\n"+link+"\n") || !strings.Contains(m.Body, "Beste coördinator") {
		t.Errorf("body lacks the link or the Dutch letters:\n%s", m.Body)
	}
	if !strings.Contains(m.Body, "\n.\nTot ziens") {
		t.Errorf("a line with only a dot was lost:\n%q", m.Body)
	}
	for _, h := range []string{"Content-Type: text/plain; charset=utf-8", "MIME-Version: 1.0", "Message-ID: <"} {
		if !strings.Contains(m.Data, h) {
			t.Errorf("message lacks header %q", h)
		}
	}
}

func TestSendUpgradesToTLSWhenTheServerOffersIt(t *testing.T) {
	cert, pool := selfSigned(t)
	srv := mailtest.Start(t, &tls.Config{Certificates: []tls.Certificate{cert}})
	s := New(Options{Addr: srv.Addr, From: "weerbaar@example.nl", TLS: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}})
	if err := s.Send(context.Background(), "a@example.org", "Onderwerp", "Tekst met "+link); err != nil {
		t.Fatal(err)
	}
	if m := srv.Messages(); len(m) != 1 || !m[0].TLS || !strings.Contains(m[0].Body, link) {
		t.Fatalf("messages %+v", m)
	}
	// A server whose certificate cannot be verified gets nothing.
	strict := New(Options{Addr: srv.Addr, From: "weerbaar@example.nl"})
	if err := strict.Send(context.Background(), "a@example.org", "Onderwerp", "Tekst"); err == nil {
		t.Error("sent over TLS to a server with an unverified certificate")
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("%d messages after the refused one", n)
	}
}

func TestWithoutSMTPNothingIsSentAndTheLogSaysSo(t *testing.T) {
	var buf bytes.Buffer
	s := New(Options{From: "weerbaar@example.nl", Log: slog.New(slog.NewTextHandler(&buf, nil))})
	if s.Enabled() {
		t.Error("Enabled without SMTP")
	}
	if err := s.Send(context.Background(), "a@example.org", "Uitnodiging", "geheime link "+link); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "e-mail niet verstuurd: geen SMTP ingesteld") || strings.Contains(out, link) {
		t.Errorf("log: %s", out)
	}
}

func TestHeaderInjectionIsRefused(t *testing.T) {
	srv := mailtest.Start(t, nil)
	s := New(Options{Addr: srv.Addr, From: "weerbaar@example.nl"})
	for _, c := range []struct{ to, subject string }{
		{"a@example.org\r\nBcc: b@example.org", "Onderwerp"},
		{"a@example.org", "Onderwerp\r\nBcc: b@example.org"},
		{"geen adres", "Onderwerp"},
	} {
		if err := s.Send(context.Background(), c.to, c.subject, "x"); !errors.Is(err, ErrBadHeader) {
			t.Errorf("%q / %q: err = %v", c.to, c.subject, err)
		}
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("%d messages sent", n)
	}
}

func TestUnreachableServerIsAnError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s := New(Options{Addr: addr, From: "weerbaar@example.nl", Timeout: 2 * time.Second})
	if err := s.Send(context.Background(), "a@example.org", "Onderwerp", "x"); err == nil {
		t.Error("no error for a server that is not there")
	}
}

// selfSigned makes a certificate for 127.0.0.1 and a pool that trusts it.
func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mailtest"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}
