// Package mailtest is a tiny SMTP server for tests, listening on
// 127.0.0.1: it speaks just enough SMTP (EHLO/HELO, optional STARTTLS,
// MAIL, RCPT, DATA, RSET, NOOP, QUIT) to receive messages and keeps them
// for the test to read.
package mailtest

import (
	"bufio"
	"crypto/tls"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
)

// Message is one received message.
type Message struct {
	From    string
	To      []string
	Data    string // as received, headers and encoded body
	TLS     bool   // received after STARTTLS
	Subject string // decoded
	Body    string // decoded from quoted-printable
}

// Server receives mail until the test ends.
type Server struct {
	Addr string
	ln   net.Listener
	tls  *tls.Config
	mu   sync.Mutex
	msgs []Message
	wg   sync.WaitGroup
}

// Start starts a server on 127.0.0.1; with cfg it offers STARTTLS.
func Start(t testing.TB, cfg *tls.Config) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), ln: ln, tls: cfg}
	s.wg.Add(1)
	go s.accept()
	t.Cleanup(func() { ln.Close(); s.wg.Wait() })
	return s
}

// Messages returns what was received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

func (s *Server) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() { defer s.wg.Done(); s.serve(c) }()
	}
}

// serve runs one SMTP conversation.
func (s *Server) serve(c net.Conn) {
	defer c.Close()
	r, w := bufio.NewReader(c), bufio.NewWriter(c)
	reply := func(line string) { w.WriteString(line + "\r\n"); w.Flush() }
	reply("220 mailtest ESMTP")
	var m Message
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.TrimRight(line, "\r\n")
		verb := strings.ToUpper(strings.SplitN(cmd, " ", 2)[0])
		switch {
		case verb == "EHLO":
			if s.tls != nil && !m.TLS {
				reply("250-mailtest")
				reply("250 STARTTLS")
			} else {
				reply("250 mailtest")
			}
		case verb == "HELO", verb == "NOOP":
			reply("250 ok")
		case verb == "STARTTLS" && s.tls != nil:
			reply("220 go ahead")
			tc := tls.Server(c, s.tls)
			if tc.Handshake() != nil {
				return
			}
			c, r, w = tc, bufio.NewReader(tc), bufio.NewWriter(tc)
			m = Message{TLS: true}
		case verb == "MAIL":
			m.From = addr(cmd)
			reply("250 ok")
		case verb == "RCPT":
			m.To = append(m.To, addr(cmd))
			reply("250 ok")
		case verb == "DATA":
			reply("354 end with .")
			m.Data = readData(r)
			s.keep(m)
			m = Message{TLS: m.TLS}
			reply("250 queued")
		case verb == "RSET":
			m = Message{TLS: m.TLS}
			reply("250 ok")
		case verb == "QUIT":
			reply("221 bye")
			return
		default:
			reply("502 not implemented")
		}
	}
}

func addr(cmd string) string {
	i, j := strings.Index(cmd, "<"), strings.Index(cmd, ">")
	if i < 0 || j < i {
		return ""
	}
	return cmd[i+1 : j]
}

func readData(r *bufio.Reader) string {
	var b strings.Builder
	for {
		line, err := r.ReadString('\n')
		if err != nil || line == ".\r\n" {
			return b.String()
		}
		b.WriteString(strings.TrimPrefix(line, "."))
	}
}

func (s *Server) keep(m Message) {
	if msg, err := mail.ReadMessage(strings.NewReader(m.Data)); err == nil {
		m.Subject, _ = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
		m.Body = strings.ReplaceAll(string(body), "\r\n", "\n")
	}
	s.mu.Lock()
	s.msgs = append(s.msgs, m)
	s.mu.Unlock()
}
